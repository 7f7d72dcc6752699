//! `copydesk check`: finds the files, checks them (later files against earlier ones for
//! cross-file duplicates) and prints findings for people or for machines.

mod files;
mod render;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::{self, Corpus, Document, Finding, Format, Settings};

pub use render::OutputFormat;

/// One checked input and what was found in it.
pub struct CheckedFile {
    /// As shown to the user (the path as given, or `<stdin>`).
    pub display: String,
    pub text: Arc<str>,
    pub findings: Vec<Finding>,
}

/// Runs the check command and returns the process exit code: 0 clean, 1 findings, 2 when a
/// path could not be read (the readable ones are still checked and reported).
pub fn check(paths: &[PathBuf], format: OutputFormat) -> u8 {
    let default_paths = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default_paths[..]
    } else {
        paths
    };
    let (inputs, mut had_errors) = files::collect(paths);
    let mut sources = Vec::new();
    for input in inputs {
        match read_input(&input) {
            Ok(text) => sources.push((input, text)),
            Err(message) => {
                eprintln!("copydesk: {message}");
                had_errors = true;
            }
        }
    }
    let checked = check_sources(sources);
    render::print(&checked, format);
    if had_errors {
        2
    } else if checked.iter().any(|file| !file.findings.is_empty()) {
        1
    } else {
        0
    }
}

/// Checks each source against the ones before it, so a copy is flagged in the later file.
fn check_sources(sources: Vec<(files::Input, Arc<str>)>) -> Vec<CheckedFile> {
    let settings = Settings::default();
    let mut corpus = Corpus::default();
    let mut checked = Vec::new();
    for (input, text) in sources {
        let display = input.display();
        let format = input.format();
        let doc = Document::parse(&text, format);
        let report = analysis::check(&doc, Some(&display), &corpus, &settings);
        for code in &report.crashed {
            eprintln!("copydesk: internal error in check {code} on {display}; please report it");
        }
        corpus.insert(&display, text.clone(), format);
        checked.push(CheckedFile {
            display,
            text,
            findings: report.findings,
        });
    }
    checked
}

fn read_input(input: &files::Input) -> Result<Arc<str>, String> {
    let bytes = match input {
        files::Input::Stdin => {
            let mut buffer = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buffer)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            buffer
        }
        files::Input::File(path) => {
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
        }
    };
    String::from_utf8(bytes)
        .map(Arc::from)
        .map_err(|_| format!("{} is not UTF-8 text; skipped", input.display()))
}

impl files::Input {
    fn display(&self) -> String {
        match self {
            files::Input::Stdin => "<stdin>".to_string(),
            files::Input::File(path) => path.display().to_string(),
        }
    }

    fn format(&self) -> Format {
        match self {
            files::Input::Stdin => Format::Markdown,
            files::Input::File(path) => Format::from_path(&path.to_string_lossy()),
        }
    }
}

/// Whether a path names a file copydesk checks when walking folders.
pub fn is_copy_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "txt")
    )
}
