//! Guards the code map's invariants: the analysis core stays pure, and every module says what it
//! is for on its first line.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn analysis_core_does_not_know_lsp_async_or_json() {
    let forbidden = [
        "tower_lsp",
        "tokio",
        "serde_json",
        "std::fs",
        "std::net",
        "std::process",
    ];
    let files = rust_files(&source("src/analysis"));
    assert!(
        files.len() >= 8,
        "expected the analysis modules, found {files:?}"
    );
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        for name in forbidden {
            assert!(
                !text.contains(name),
                "{} mentions `{name}`: the analysis core must stay pure",
                file.display()
            );
        }
    }
}

#[test]
fn every_module_opens_with_a_doc_line() {
    for file in rust_files(&source("src")) {
        let text = fs::read_to_string(&file).expect("read");
        assert!(
            text.starts_with("//!"),
            "{} must open with a `//!` line saying what it is for",
            file.display()
        );
    }
}

#[test]
fn every_check_has_a_description_with_what_why_and_example() {
    for check in copydesk::analysis::REGISTRY {
        for part in ["**What**", "**Why**", "**Example**"] {
            assert!(
                check.description.contains(part),
                "check {} lacks {part} in its description",
                check.code
            );
        }
        assert!(
            !check.summary.is_empty(),
            "check {} has no summary",
            check.code
        );
    }
}
