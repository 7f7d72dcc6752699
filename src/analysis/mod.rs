//! The pure analysis core: text in, findings out. No IO, no async, no LSP types, no panics on any
//! input; messy copy is input, not an error.

pub mod batch_index;
pub mod checks;
pub mod corpus;
pub mod document;
pub mod entities;
pub mod finding;
pub mod fingerprint;
pub mod memo;
pub mod quotes;
pub mod settings;
pub mod suppression;
pub mod text;

use std::ops::Deref;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

pub use checks::{Check, Context, Reads, REGISTRY};
pub use corpus::Corpus;
pub use document::{Document, Format};
pub use finding::{apply_edits, DocumentRef, Finding, Fix, Related, Severity, TextEdit};
pub use memo::Memo;
pub use settings::Settings;

/// The result of checking one document.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Codes of checks that panicked; their findings are missing, the others are complete.
    pub crashed: Vec<&'static str>,
}

/// Runs every enabled check on `doc`. `name` is the document's name in `corpus`, if it is in it.
/// A check that panics (a bug) is reported in `Report::crashed` and does not stop the others.
/// Findings switched off by suppression directives in the copy are left out.
pub fn check(
    doc: &Document<'_>,
    name: Option<&str>,
    corpus: &Corpus,
    settings: &Settings,
) -> Report {
    check_with(REGISTRY, doc, name, corpus, settings, None)
}

/// [`check`] for a document checked again and again (the server, on every edit): `memo` keeps
/// what this check found for the next one, and what the last one left is reused where the
/// edit cannot have changed it. The findings are the same as [`check`]'s.
pub fn check_again(
    doc: &Document<'_>,
    name: Option<&str>,
    corpus: &Corpus,
    settings: &Settings,
    memo: &Memo,
) -> Report {
    check_with(REGISTRY, doc, name, corpus, settings, Some(memo))
}

/// [`check_again`] for a caller that must bring the corpus up to date first (the server puts
/// the edited text into its index): `corpus` runs on this thread while entity extraction
/// starts on the pool.
/// The findings are the same as [`check_again`]'s on the corpus it returns.
pub fn check_again_while_indexing<C: Deref<Target = Corpus>>(
    doc: &Document<'_>,
    name: Option<&str>,
    settings: &Settings,
    memo: &Memo,
    corpus: impl FnOnce() -> C,
) -> Report {
    let enabled = enabled_checks(REGISTRY, settings);
    let reading = |reads: Reads| -> Vec<&Check> {
        enabled
            .iter()
            .copied()
            .filter(|check| check.reads == reads)
            .collect()
    };
    let nothing_else = Corpus::default();
    let document = Context::new(doc, name, &nothing_else, settings, Some(memo));
    // Two sides of about equal work on an edit: entity extraction and the checks that wait
    // for it (on the pool); the index update, the checks that wait for it, and the checks of
    // the text alone (here). Each side runs its checks in turn, so an edit keeps two threads
    // busy and wakes one: on a small machine, every extra thread woken or waited for can cost
    // as much as a side's work (BENCHMARKS.md, round 7).
    let mut entity_outcomes = Vec::new();
    let mut outcomes = rayon::in_place_scope(|scope| {
        scope.spawn(|_| entity_outcomes = run_checks_in_turn(&reading(Reads::Entities), &document));
        let mut outcomes = {
            // Dropped before the text-only checks: the caller's corpus may be a lock guard.
            let corpus = corpus();
            let with_corpus = Context::new(doc, name, &corpus, settings, Some(memo));
            run_checks_in_turn(&reading(Reads::Corpus), &with_corpus)
        };
        outcomes.extend(run_checks_in_turn(&reading(Reads::Document), &document));
        outcomes
    });
    outcomes.extend(entity_outcomes);
    // Reported in registry order, as `check_with` does.
    outcomes.sort_by_key(|(check, _)| REGISTRY.iter().position(|c| c.code == check.code));
    report_of(doc, settings, outcomes)
}

/// `check` with the given checks instead of the registry (tests use it to run a faulty check).
pub fn check_with(
    checks: &[Check],
    doc: &Document<'_>,
    name: Option<&str>,
    corpus: &Corpus,
    settings: &Settings,
    memo: Option<&Memo>,
) -> Report {
    let context = Context::new(doc, name, corpus, settings, memo);
    report_of(
        doc,
        settings,
        run_checks(&enabled_checks(checks, settings), &context),
    )
}

fn enabled_checks<'c>(checks: &'c [Check], settings: &Settings) -> Vec<&'c Check> {
    checks
        .iter()
        .filter(|check| settings.is_enabled(check.code))
        .collect()
}

/// What each check returned, in the order given; `None` for a check that panicked.
type Outcomes<'c> = Vec<(&'c Check, Option<Vec<Finding>>)>;

/// The checks' outcomes, one after the other on this thread.
fn run_checks_in_turn<'c>(checks: &[&'c Check], context: &Context<'_>) -> Outcomes<'c> {
    checks
        .iter()
        .map(|&check| (check, run_one(check, context)))
        .collect()
}

fn run_checks<'c>(checks: &[&'c Check], context: &Context<'_>) -> Outcomes<'c> {
    // The checks are independent, so they run side by side (an edit's diagnostics come back
    // sooner on a machine with idle cores); results are gathered in the order given.
    checks
        .par_iter()
        .map(|&check| (check, run_one(check, context)))
        .collect()
}

/// A check's findings, or `None` if it panicked.
fn run_one(check: &Check, context: &Context<'_>) -> Option<Vec<Finding>> {
    catch_unwind(AssertUnwindSafe(|| (check.run)(context))).ok()
}

/// The report of the checks' outcomes: severities from the settings, findings in text order
/// (ties in check order), suppressed findings left out.
fn report_of(doc: &Document<'_>, settings: &Settings, outcomes: Outcomes<'_>) -> Report {
    let mut report = Report::default();
    for (check, outcome) in outcomes {
        match outcome {
            Some(findings) => {
                let severity = settings.severity_for(check.code, check.severity);
                report
                    .findings
                    .extend(findings.into_iter().map(|mut finding| {
                        finding.severity = severity;
                        finding
                    }));
            }
            None => report.crashed.push(check.code),
        }
    }
    report
        .findings
        .sort_by_key(|finding| (finding.range.start, finding.range.end));
    report.findings = suppression::filter(doc, std::mem::take(&mut report.findings));
    report
}

/// Checks a standalone text with default settings and no other documents.
pub fn check_text(text: &str, format: Format) -> Vec<Finding> {
    let doc = Document::parse(text, format);
    check(&doc, None, &Corpus::default(), &Settings::default()).findings
}

/// The edits of several fixes merged into one set for a "fix all": overlapping or touching
/// deletions are joined, and an edit overlapping a kept replacement is dropped.
pub fn merge_fix_edits<'f>(fixes: impl IntoIterator<Item = &'f Fix>) -> Vec<TextEdit> {
    let mut edits: Vec<TextEdit> = fixes
        .into_iter()
        .flat_map(|fix| fix.edits.clone())
        .collect();
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut merged: Vec<TextEdit> = Vec::new();
    for edit in edits {
        match merged.last_mut() {
            Some(last)
                if edit.range.start < last.range.end
                    || (edit.range.start == last.range.end
                        && last.replacement.is_empty()
                        && edit.replacement.is_empty()) =>
            {
                if last.replacement.is_empty() && edit.replacement.is_empty() {
                    last.range.end = last.range.end.max(edit.range.end);
                }
            }
            _ => merged.push(edit),
        }
    }
    merged
}
