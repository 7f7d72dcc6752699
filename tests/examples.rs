//! The bundled example articles produce exactly the findings their answer key
//! (tests/fixtures/examples-expected.md) lists: every planted problem is caught, and the clean
//! articles stay clean.

use std::process::Command;

use serde_json::Value;

/// `(file, 1-based line, code)` for every finding expected in examples/.
const EXPECTED: &[(&str, u64, &str)] = &[
    ("cms-election-recount.txt", 6, "duplicate-passage"),
    ("cms-election-recount.txt", 12, "unattributed-quote"),
    ("flood-evacuation.md", 29, "duplicate-passage"),
    ("flood-evacuation.md", 33, "repeated-heading"),
    ("mining-copper-results.md", 31, "repeated-heading"),
    ("rail-strike-talks.txt", 21, "unattributed-quote"),
    ("wire-flood-aid.txt", 6, "duplicate-passage"),
    ("wire-flood-aid.txt", 9, "unattributed-quote"),
    ("wire-zelenskyy-energy-talks.txt", 4, "repeated-heading"),
    ("wire-zelenskyy-energy-talks.txt", 10, "name-variant"),
    ("wire-zelenskyy-energy-talks.txt", 13, "name-variant"),
];

fn check_json(args: &[&str]) -> (Vec<(String, u64, String)>, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run copydesk check");
    let findings: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let mut found: Vec<(String, u64, String)> = findings
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            let name = file.rsplit(['/', '\\']).next().unwrap().to_string();
            (
                name,
                f["line"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    (found, output.status.code())
}

#[test]
fn examples_yield_exactly_the_answer_key() {
    let (found, status) = check_json(&["examples/"]);
    let mut expected: Vec<(String, u64, String)> = EXPECTED
        .iter()
        .map(|(file, line, code)| (file.to_string(), *line, code.to_string()))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(status, Some(1));
}

#[test]
fn every_clean_example_is_clean_on_its_own() {
    let flagged: Vec<&str> = EXPECTED.iter().map(|(file, _, _)| *file).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut clean = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if flagged.contains(&name.as_str()) {
            continue;
        }
        let (found, status) = check_json(&[path.to_str().unwrap()]);
        assert!(found.is_empty(), "{name}: {found:?}");
        assert_eq!(status, Some(0), "{name}");
        clean += 1;
    }
    assert!(clean >= 5, "expected several clean examples, found {clean}");
}

/// The two real seed articles (the same story from two outlets): the repeated bold heading is
/// flagged, no quote is (all are attributed), and the rewritten opening sentence of the second
/// is reported against the first.
#[test]
fn seed_articles_show_the_heading_and_the_rewritten_lede_only() {
    let (found, status) = check_json(&[
        "tests/fixtures/seeds/istanbul-talks-a.txt",
        "tests/fixtures/seeds/istanbul-talks-b.txt",
    ]);
    assert_eq!(
        found,
        vec![
            (
                "istanbul-talks-a.txt".to_string(),
                4,
                "repeated-heading".to_string()
            ),
            (
                "istanbul-talks-b.txt".to_string(),
                1,
                "duplicate-passage".to_string()
            ),
        ]
    );
    assert_eq!(status, Some(1));
}
