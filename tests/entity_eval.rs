//! Held-out evaluation of entity recognition and surname resolution on the hand-labelled
//! articles in tests/fixtures/entities-eval/ (written for evaluation, never used for tuning).
//! Prints a table; run with
//! `cargo test --release --test entity_eval -- --nocapture`.
//!
//! Labels (`NN-slug.labels`, one per article), `|`-separated:
//! - `person | Full Name`, `org | Name`, `place | Name`: every entity the article names, the
//!   name as first given in full (organisations by their full form, not the acronym).
//! - `surname | line | Surname | Full Name`: a later mention by surname alone (the first
//!   occurrence on that 1-based line that is not part of the full name) and who it is.
//! - `acronym | line | ACR | Full Name`: the same for an organisation's acronym.
//! - `ambiguous | line | Surname`: a bare surname two people in the story share.
//!
//! Recognition: an entity found counts as correct when kind and name (case- and
//! space-folded) match a labelled one. Resolution: a labelled mention counts as correct when
//! the entity copydesk resolves it to has the labelled name; precision is over the labelled
//! mentions resolved to anything, recall over all labelled mentions.

use std::collections::BTreeMap;
use std::path::Path;

use copydesk::analysis::entities::{extract, EntityKind};
use copydesk::analysis::{Document, Format};

fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

fn kind_of(label: &str) -> Option<EntityKind> {
    match label {
        "person" => Some(EntityKind::Person),
        "org" => Some(EntityKind::Organisation),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    found: usize,
    labelled: usize,
    correct: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.labelled)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Byte offset of the labelled mention: the first occurrence of `written` on `line` that is
/// not preceded by the rest of `full` (so `Kompany` in `Vincent Kompany` is skipped).
fn mention_offset(text: &str, line: usize, written: &str, full: Option<&str>) -> Option<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let body = text[start..].split('\n').next()?;
    let given = full.and_then(|full| {
        let (lower_full, lower_written) = (full.to_lowercase(), written.to_lowercase());
        lower_full
            .strip_suffix(&lower_written)
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty())
    });
    let lower = body.to_lowercase();
    body.match_indices(written)
        .map(|(at, _)| at)
        .find(|&at| {
            given
                .as_ref()
                .is_none_or(|g| !lower[..at].trim_end().ends_with(g.as_str()))
        })
        .map(|at| start + at)
}

#[test]
fn entity_recognition_and_resolution_on_held_out_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities-eval");
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 20, "at least 20 articles");

    let mut by_kind: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut resolution = Counts::default();
    let (mut ambiguous_labelled, mut ambiguous_found) = (0, 0);
    let mut misses: Vec<String> = Vec::new();
    for path in &articles {
        let text = std::fs::read_to_string(path).unwrap();
        let labels = std::fs::read_to_string(path.with_extension("labels")).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let doc = Document::parse(&text, Format::from_path(&name));
        let all = extract(&doc);

        let mut gold: Vec<(EntityKind, String)> = Vec::new();
        for line in labels.lines().filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            if let Some(kind) = kind_of(fields[0]) {
                gold.push((kind, fold(fields[1])));
                continue;
            }
            let line_no: usize = fields[1].parse().expect("line number");
            let full = fields.get(3).copied();
            let Some(at) = mention_offset(&text, line_no, fields[2], full) else {
                panic!("{name}:{line_no}: `{}` is not on that line", fields[2]);
            };
            match fields[0] {
                "surname" | "acronym" => {
                    resolution.labelled += 1;
                    match all.mention_at(at) {
                        Some((entity, _)) => {
                            resolution.found += 1;
                            if fold(&entity.name) == fold(full.unwrap()) {
                                resolution.correct += 1;
                            } else {
                                misses.push(format!(
                                    "{name}:{line_no}: {} → {} (expected {})",
                                    fields[2],
                                    entity.name,
                                    full.unwrap()
                                ));
                            }
                        }
                        None => misses.push(format!(
                            "{name}:{line_no}: {} unresolved (expected {})",
                            fields[2],
                            full.unwrap()
                        )),
                    }
                }
                "ambiguous" => {
                    ambiguous_labelled += 1;
                    if all.ambiguous.iter().any(|a| a.range.contains(&at)) {
                        ambiguous_found += 1;
                    }
                }
                other => panic!("{name}: unknown label `{other}`"),
            }
        }

        for kind in [
            EntityKind::Person,
            EntityKind::Organisation,
            EntityKind::Place,
        ] {
            let counts = by_kind.entry(kind.label()).or_default();
            let found: Vec<String> = all
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| fold(&e.name))
                .collect();
            let labelled: Vec<&String> = gold
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, n)| n)
                .collect();
            counts.found += found.len();
            counts.labelled += labelled.len();
            counts.correct += found.iter().filter(|n| labelled.contains(n)).count();
            for n in found.iter().filter(|n| !labelled.contains(n)) {
                misses.push(format!("{name}: spurious {} `{n}`", kind.label()));
            }
            for n in labelled.iter().filter(|n| !found.contains(n)) {
                misses.push(format!("{name}: missed {} `{n}`", kind.label()));
            }
        }
    }

    let mut all_kinds = Counts::default();
    for counts in by_kind.values() {
        all_kinds.found += counts.found;
        all_kinds.labelled += counts.labelled;
        all_kinds.correct += counts.correct;
    }
    println!(
        "\nEntity evaluation: {} held-out articles\n",
        articles.len()
    );
    println!("| measure | labelled | found | correct | precision | recall | F1 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let row = |label: &str, c: &Counts| {
        println!(
            "| {label} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.labelled,
            c.found,
            c.correct,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for (kind, counts) in &by_kind {
        row(&format!("recognition: {kind}"), counts);
    }
    row("recognition: all", &all_kinds);
    row("surname/acronym resolution", &resolution);
    println!("\nAmbiguous bare surnames reported: {ambiguous_found} of {ambiguous_labelled}");
    if std::env::var_os("COPYDESK_EVAL_ERRORS").is_some() {
        println!("\nErrors:");
        for miss in &misses {
            println!("- {miss}");
        }
    }

    // Floors just below the measured figures (BENCHMARKS.md), so regressions fail.
    let person = by_kind["person"];
    assert!(person.precision() >= 0.85, "person precision");
    assert!(person.recall() >= 0.95, "person recall");
    assert!(all_kinds.precision() >= 0.85, "overall precision");
    assert!(all_kinds.recall() >= 0.78, "overall recall");
    assert!(resolution.precision() >= 0.95, "resolution precision");
    assert!(resolution.recall() >= 0.95, "resolution recall");
}
