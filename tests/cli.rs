//! The `copydesk check` command as CI runs it: configuration files, output formats (human,
//! JSON, SARIF), exit codes, colour, suppression, and files it must not or cannot read.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{TempDir, REPEATED_HEADING_STORY};
use serde_json::Value;

fn copydesk(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.current_dir(dir).args(args).env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run copydesk")
}

fn check(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    copydesk(dir, &all, &[])
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_findings(output: &Output) -> Vec<Value> {
    let parsed: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    parsed.as_array().expect("an array").clone()
}

fn codes_and_severities(output: &Output) -> Vec<(String, String, String)> {
    json_findings(output)
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(_, code, _)| code == "repeated-heading")
        .collect()
}

#[test]
fn nearest_copydesk_toml_applies_to_each_file() {
    let dir = TempDir::new("cli-nearest");
    dir.write(
        "copydesk.toml",
        "[checks.repeated-heading]\nseverity = \"error\"\n",
    );
    dir.write("top.md", REPEATED_HEADING_STORY);
    dir.write(
        "desk/copydesk.toml",
        "[checks.repeated-heading]\nenabled = false\n",
    );
    dir.write("desk/inner.md", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        codes_and_severities(&output),
        vec![(
            "./top.md".to_string(),
            "repeated-heading".to_string(),
            "error".to_string()
        )]
    );
    // Checked from inside the folder, the inner file still finds its own configuration.
    let inner = check(&dir.path.join("desk"), &["--format", "json", "inner.md"]);
    assert_eq!(codes_and_severities(&inner), vec![]);
}

#[test]
fn invalid_copydesk_toml_prints_where_and_exits_2() {
    let dir = TempDir::new("cli-invalid");
    dir.write(
        "copydesk.toml",
        "[duplicates]\nthreshold = 0.9\ntreshold = 0.8\n",
    );
    dir.write("story.md", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["story.md"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("copydesk.toml:3:1: unknown field `treshold`"),
        "{message}"
    );
    assert!(stdout(&output).is_empty(), "nothing is checked");
    for (text, expected) in [
        (
            "[duplicates]\nmin_words = 1\n",
            ":2:13: duplicates.min_words",
        ),
        ("debounce_ms = \"soon\"\n", ":1:15:"),
        ("[checks.nope]\n", ":1:9: unknown check `nope`"),
        ("include = [", ":1:"),
    ] {
        dir.write("copydesk.toml", text);
        let output = check(&dir.path, &["story.md"]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(
            stderr(&output).contains(expected),
            "{text}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn include_and_exclude_globs_choose_the_files() {
    let dir = TempDir::new("cli-globs");
    dir.write(
        "copydesk.toml",
        "include = [\"stories/**\", \"*.text\"]\nexclude = [\"*.draft.md\"]\n",
    );
    dir.write("stories/a.md", REPEATED_HEADING_STORY);
    dir.write("stories/b.draft.md", REPEATED_HEADING_STORY);
    dir.write("notes.md", REPEATED_HEADING_STORY);
    dir.write("wire/feed.text", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["--format", "json"]);
    let files: Vec<String> = codes_and_severities(&output)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["./stories/a.md", "./wire/feed.text"]);
}

#[test]
fn sarif_output_has_what_code_scanning_needs() {
    let dir = TempDir::new("cli-sarif");
    dir.write("news/story one.md", REPEATED_HEADING_STORY);
    dir.write(
        "news/plain.txt",
        "Summary “here”.\n**Talks 😀 resume**\n\n**Talks 😀 resume**\n",
    );
    let output = check(&dir.path, &["--format", "sarif", "news"]);
    assert_eq!(output.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    let rules = driver["rules"].as_array().unwrap();
    for check in copydesk::analysis::REGISTRY {
        let rule = rules
            .iter()
            .find(|r| r["id"] == check.code)
            .unwrap_or_else(|| panic!("rule {}", check.code));
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(rule["help"]["markdown"].is_string());
        if !check.description.is_empty() {
            assert_eq!(rule["help"]["markdown"], check.description);
        }
    }
    let results: Vec<&Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "repeated-heading")
        .collect();
    assert_eq!(results.len(), 2);
    for result in &results {
        assert!(["error", "warning", "note", "none"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.contains(' ') && !uri.starts_with("./"), "{uri}");
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key} in {region}");
        }
    }
    let plain = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/plain.txt"
        })
        .expect("result in plain.txt");
    // "**Talks 😀 resume**" is 19 UTF-16 code units: columns 1 to 20 (exclusive end).
    assert_eq!(
        plain["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 20})
    );
    assert!(results.iter().any(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "news/story%20one.md"
    ));
}

#[test]
fn json_output_keeps_its_shape() {
    let dir = TempDir::new("cli-json");
    dir.write("story.md", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["--format", "json", "story.md"]);
    let findings = json_findings(&output);
    let heading = findings
        .iter()
        .find(|f| f["code"] == "repeated-heading")
        .expect("finding");
    for key in [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_range",
        "code",
        "severity",
        "message",
        "related",
        "fixes",
    ] {
        assert!(heading.get(key).is_some(), "{key} missing from {heading}");
    }
    assert_eq!(heading["line"], 5);
    assert_eq!(heading["severity"], "warning");
}

#[test]
fn quiet_prints_nothing_but_keeps_the_exit_code() {
    let dir = TempDir::new("cli-quiet");
    dir.write("story.md", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["--quiet", "story.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    dir.write("clean.md", "# Fine\n\nNothing wrong.\n");
    assert_eq!(check(&dir.path, &["-q", "clean.md"]).status.code(), Some(0));
}

#[test]
fn severity_sets_the_least_severe_finding_that_fails() {
    let dir = TempDir::new("cli-severity");
    dir.write(
        "copydesk.toml",
        "[checks.repeated-heading]\nseverity = \"info\"\n",
    );
    dir.write("story.md", REPEATED_HEADING_STORY);
    let code = |level: &str| {
        check(&dir.path, &["--quiet", "--severity", level, "story.md"])
            .status
            .code()
    };
    assert_eq!(code("warning"), Some(0));
    assert_eq!(code("error"), Some(0));
    assert_eq!(code("info"), Some(1));
    assert_eq!(code("hint"), Some(1));
    assert_eq!(check(&dir.path, &["-q", "story.md"]).status.code(), Some(1));
}

#[test]
fn colour_only_on_a_terminal_or_when_asked() {
    let dir = TempDir::new("cli-colour");
    dir.write("story.md", REPEATED_HEADING_STORY);
    let piped = check(&dir.path, &["story.md"]);
    assert!(!stdout(&piped).contains('\u{1b}'), "no colour in a pipe");
    assert!(stdout(&piped).contains("story.md:5:1: warning[repeated-heading]"));
    let forced = check(&dir.path, &["--color", "always", "story.md"]);
    assert!(stdout(&forced).contains("\u{1b}[1;33mwarning\u{1b}[0m"));
    let never = check(&dir.path, &["--color", "never", "story.md"]);
    assert!(!stdout(&never).contains('\u{1b}'));
    on_a_terminal(&dir.path);
}

/// With `script` (util-linux) the command runs on a pseudo-terminal: coloured, unless
/// `NO_COLOR` is set.
fn on_a_terminal(dir: &Path) {
    let binary = env!("CARGO_BIN_EXE_copydesk");
    let command = format!("{binary} check story.md");
    let run = |no_color: Option<&str>| {
        let mut script = Command::new("script");
        script
            .current_dir(dir)
            .args(["-qec", &command, "/dev/null"])
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        script.output().ok().filter(|o| o.status.code() == Some(1))
    };
    let Some(tty) = run(None) else {
        eprintln!("`script` is not available; terminal colour not exercised");
        return;
    };
    assert!(stdout(&tty).contains('\u{1b}'), "colour on a terminal");
    let plain = run(Some("1")).expect("script ran before");
    assert!(!stdout(&plain).contains("\u{1b}["), "NO_COLOR is respected");
}

#[test]
fn unreadable_and_non_utf8_files_are_reported_and_the_rest_checked() {
    let dir = TempDir::new("cli-unreadable");
    dir.write("a-latin1.txt", b"Caf\xe9 opens.\n".as_slice());
    let locked = dir.write("b-locked.md", REPEATED_HEADING_STORY);
    dir.write("c-story.md", REPEATED_HEADING_STORY);
    let unreadable = make_unreadable(&locked);
    let output = check(
        &dir.path,
        &["--format", "json", ".", unreadable.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("a-latin1.txt is not UTF-8 text"),
        "{message}"
    );
    assert!(message.contains("cannot read"), "{message}");
    let files: Vec<String> = codes_and_severities(&output)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert!(files.contains(&"./c-story.md".to_string()), "{files:?}");
}

/// A path the test process cannot read: the file with no permissions, or — when running as
/// root, which reads it anyway — a Linux file whose reads fail.
fn make_unreadable(path: &Path) -> std::path::PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(path).is_err() {
            return path.to_path_buf();
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::path::PathBuf::from("/proc/self/mem")
}

#[test]
fn symlinks_are_not_followed_out_of_walked_folders() {
    let outside = TempDir::new("cli-outside");
    outside.write("secret/leak.md", REPEATED_HEADING_STORY);
    let dir = TempDir::new("cli-symlinks");
    dir.write("own.md", REPEATED_HEADING_STORY);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path.join("secret"), dir.path.join("linked-dir"))
            .unwrap();
        std::os::unix::fs::symlink(
            outside.path.join("secret/leak.md"),
            dir.path.join("linked.md"),
        )
        .unwrap();
    }
    let output = check(&dir.path, &["--format", "json", "."]);
    let files: Vec<String> = codes_and_severities(&output)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["./own.md"]);
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = TempDir::new("cli-binary");
    dir.write(
        "image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".as_slice(),
    );
    dir.write("story.md", REPEATED_HEADING_STORY);
    let output = check(&dir.path, &["--format", "json", "."]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a binary file is not an error"
    );
    assert!(stderr(&output).contains("image.md looks like a binary file; skipped"));
    assert_eq!(codes_and_severities(&output).len(), 1);
}

#[test]
fn suppression_directives_silence_findings() {
    let dir = TempDir::new("cli-suppress");
    dir.write(
        "story.md",
        "# Budget\n\nBody.\n\n<!-- copydesk-disable-next-line repeated-heading -->\n# Budget\n",
    );
    dir.write(
        "wire.txt",
        "**Budget**\n\nBody.\n\ncopydesk: disable-next-line repeated-heading\n**Budget**\n",
    );
    dir.write(
        "region.md",
        "# A\n\n<!-- copydesk-disable -->\n# A\n<!-- copydesk-enable -->\n\n# A\n",
    );
    dir.write("whole.txt", "copydesk: disable-file\n**A**\n\n**A**\n");
    let output = check(&dir.path, &["--format", "json", "."]);
    let found: Vec<(String, u64)> = json_findings(&output)
        .iter()
        .filter(|f| f["code"] == "repeated-heading")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, vec![("./region.md".to_string(), 7)]);
}

#[test]
fn standard_input_is_checked_as_markdown() {
    let dir = TempDir::new("cli-stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(&dir.path)
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(REPEATED_HEADING_STORY.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(codes_and_severities(&output)[0].0, "<stdin>");
}
