//! `copydesk check`: finds the files, checks them (later files against earlier ones for
//! cross-file duplicates) with the settings of the nearest `copydesk.toml`, and prints findings
//! for people, for machines (JSON) or for code scanning (SARIF).

mod configs;
mod files;
mod render;
mod sarif;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::batch_index::Inserting;
use crate::analysis::{self, Corpus, Document, Finding, Format, Settings, Severity};

pub use render::{ColourChoice, OutputFormat};

/// Exit code: nothing at or above the failing severity was found.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failing severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a path could not be read, or a `copydesk.toml` is invalid.
pub const EXIT_TROUBLE: u8 = 2;

/// One checked input and what was found in it.
pub struct CheckedFile {
    /// As shown to the user (the path as given, or `<stdin>`).
    pub display: String,
    pub text: Arc<str>,
    pub findings: Vec<Finding>,
}

/// How `copydesk check` was asked to run.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Files or folders; empty means the current folder.
    pub paths: Vec<PathBuf>,
    pub format: OutputFormat,
    /// Print nothing but errors: the exit code tells the result.
    pub quiet: bool,
    /// The least severe finding that fails the run.
    pub fail_at: Severity,
    pub colour: ColourChoice,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            paths: Vec::new(),
            format: OutputFormat::Human,
            quiet: false,
            fail_at: Severity::Hint,
            colour: ColourChoice::Auto,
        }
    }
}

/// Runs the check command and returns the process exit code: 0 clean, 1 findings at or above
/// `fail_at`, 2 when a path could not be read (the readable ones are still checked and
/// reported) or a `copydesk.toml` is invalid (nothing is checked).
pub fn check(options: &CheckOptions) -> u8 {
    let paths = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let mut configs = configs::Configs::default();
    let collected = match files::collect(&paths, &mut configs) {
        Ok(collected) => collected,
        Err(error) => {
            eprintln!("copydesk: {error}");
            return EXIT_TROUBLE;
        }
    };
    let mut had_errors = collected.had_errors;
    let mut sources = Vec::new();
    // Read in parallel; reported in the inputs' order.
    let read: Vec<_> = collected
        .inputs
        .into_par_iter()
        .map(|input| {
            let text = files::read(&input);
            (input, text)
        })
        .collect();
    for (input, text) in read {
        match text {
            Ok(text) => sources.push((input, text)),
            Err(files::Unread::Binary(note)) if !options.quiet => eprintln!("copydesk: {note}"),
            Err(files::Unread::Binary(_)) => {}
            Err(files::Unread::Error(message)) => {
                eprintln!("copydesk: {message}");
                had_errors = true;
            }
        }
    }
    let checked = match check_sources(sources, &mut configs) {
        Ok(checked) => checked,
        Err(error) => {
            eprintln!("copydesk: {error}");
            return EXIT_TROUBLE;
        }
    };
    if !options.quiet {
        render::print(&checked, options.format, options.colour);
    }
    exit_code(&checked, had_errors, options.fail_at)
}

fn exit_code(checked: &[CheckedFile], had_errors: bool, fail_at: Severity) -> u8 {
    let failing = checked
        .iter()
        .flat_map(|file| &file.findings)
        .any(|finding| finding.severity <= fail_at);
    if had_errors {
        EXIT_TROUBLE
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Checks each source against the ones before it, so a copy is flagged in the later file.
/// Every source is parsed and fingerprinted in parallel into one index; then each is checked,
/// in parallel, against the index restricted to the sources before it, so the output does not
/// depend on scheduling.
fn check_sources(
    sources: Vec<(files::Input, Arc<str>)>,
    configs: &mut configs::Configs,
) -> Result<Vec<CheckedFile>, crate::config::ConfigError> {
    let settings = sources
        .iter()
        .map(|(input, _)| Ok(configs.for_path(&input.config_anchor())?.settings.clone()))
        .collect::<Result<Vec<Settings>, crate::config::ConfigError>>()?;
    // Each source is parsed once: the parse serves both the index and the check.
    let (docs, prepared): (Vec<_>, Vec<_>) = sources
        .par_iter()
        .map(|(input, text)| {
            let doc = Document::parse(text, input_format(input));
            let prepared = Corpus::prepare_parsed(&input.display(), text.clone(), &doc);
            (doc, prepared)
        })
        .unzip();
    let mut corpus = Corpus::default();
    corpus.set_earlier_only(true);
    corpus.set_inserting(Inserting::AllCores);
    corpus.insert_batch(prepared);
    let checked: Vec<(CheckedFile, Vec<&'static str>)> = sources
        .par_iter()
        .zip(docs.par_iter())
        .zip(settings.par_iter())
        .map(|(((input, text), doc), settings)| {
            let display = input.display();
            let report = analysis::check(doc, Some(&display), &corpus, settings);
            let file = CheckedFile {
                display,
                text: text.clone(),
                findings: report.findings,
            };
            (file, report.crashed)
        })
        .collect();
    // The index of every file is hundreds of thousands of allocations: freed on a thread of
    // its own while the findings are printed (the process may end before it is done).
    std::thread::spawn(move || drop(corpus));
    Ok(checked
        .into_iter()
        .map(|(file, crashed)| {
            for code in crashed {
                eprintln!(
                    "copydesk: internal error in check {code} on {}; please report it",
                    file.display
                );
            }
            file
        })
        .collect())
}

fn input_format(input: &files::Input) -> Format {
    match input {
        files::Input::Stdin => Format::Markdown,
        files::Input::File(path) => Format::from_path(&path.to_string_lossy()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(severity: Severity) -> CheckedFile {
        CheckedFile {
            display: "a.md".into(),
            text: Arc::from("x"),
            findings: vec![Finding {
                code: "repeated-heading",
                severity,
                range: 0..1,
                message: String::new(),
                related: Vec::new(),
                fixes: Vec::new(),
            }],
        }
    }

    #[test]
    fn findings_below_the_failing_severity_pass() {
        let files = [file_with(Severity::Information)];
        assert_eq!(exit_code(&files, false, Severity::Warning), EXIT_CLEAN);
        assert_eq!(exit_code(&files, false, Severity::Hint), EXIT_FINDINGS);
        assert_eq!(exit_code(&files, true, Severity::Error), EXIT_TROUBLE);
        let errors = [file_with(Severity::Error)];
        assert_eq!(exit_code(&errors, false, Severity::Error), EXIT_FINDINGS);
    }
}
