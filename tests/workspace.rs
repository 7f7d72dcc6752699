//! The workspace index over the protocol: closed files on disk share passages with open
//! documents, change and vanish on disk, and indexing reports its progress.

mod common;

use common::{utf16_position, Server, TempDir};
use serde_json::{json, Value};

/// A passage long enough to count, copied between stories.
const PASSAGE: &str = "Crews evacuated more than 4,000 residents from low-lying districts along the river on Sunday night.";

const EARLIER: &str = "# Flood warning\n\nThe weather service issued a flood warning for the county on Saturday.\n\nCrews evacuated more than 4,000 residents from low-lying districts along the river on Sunday night.\n\nShelters opened in three schools.\n";

const DRAFT: &str = "# River crests\n\nThe river crested at nine metres overnight, officials said on Monday.\n\nCrews evacuated more than 4,000 residents from low-lying districts along the river on Sunday night.\n";

fn init_params(root: &TempDir, capabilities: Value) -> Value {
    json!({
        "processId": null,
        "rootUri": root.uri(""),
        "workspaceFolders": [{"uri": root.uri(""), "name": "news"}],
        "capabilities": capabilities,
        "initializationOptions": {"debounceMs": 0},
    })
}

fn watching() -> Value {
    json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}})
}

/// The `duplicate-passage` diagnostics of a publish.
fn duplicates(params: &Value) -> Vec<Value> {
    params["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "duplicate-passage")
        .cloned()
        .collect()
}

/// A workspace with the earlier story and some unrelated ones, and a draft open in the editor
/// (not on disk) that repeats the earlier story's passage.
fn workspace_with_draft(label: &str) -> (TempDir, Server, String) {
    let root = TempDir::new(label);
    root.write("wire/earlier.md", EARLIER);
    for number in 0..5 {
        root.write(
            &format!("archive/story-{number}.txt"),
            format!("Story {number} of the archive covered council meeting number {number} at length.\n"),
        );
    }
    let (mut server, _) = Server::initialized_with(init_params(&root, watching()));
    let draft = root.uri("draft.md");
    server.open(&draft, "markdown", DRAFT);
    (root, server, draft)
}

/// Writes `copydesk.toml` and tells the server it was created (`kind` 1) or changed (2), with
/// the publishes before it forgotten.
fn rewrite_settings(root: &TempDir, server: &mut Server, text: &str, kind: u8) {
    root.write("copydesk.toml", text);
    server.forget_backlog();
    notify_changed(server, &root.uri("copydesk.toml"), kind);
}

fn notify_changed(server: &mut Server, uri: &str, kind: u8) {
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": kind}]}),
    );
}

#[test]
fn a_passage_of_a_closed_file_is_flagged_with_its_uri_and_range() {
    let (root, mut server, draft) = workspace_with_draft("workspace-cross");
    let published = server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    let found = duplicates(&published);
    assert_eq!(found.len(), 1, "{found:?}");
    let diagnostic = &found[0];
    let at = DRAFT.find(PASSAGE).unwrap();
    let (line, character) = utf16_position(DRAFT, at);
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": line, "character": character})
    );
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("earlier.md"),
        "{diagnostic}"
    );
    let related = &diagnostic["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], json!(root.uri("wire/earlier.md")));
    let start = EARLIER.find(PASSAGE).unwrap();
    let (line, character) = utf16_position(EARLIER, start);
    let (end_line, end_character) = utf16_position(EARLIER, start + PASSAGE.len());
    assert_eq!(
        related["range"],
        json!({
            "start": {"line": line, "character": character},
            "end": {"line": end_line, "character": end_character},
        })
    );
}

#[test]
fn editing_and_deleting_the_closed_file_update_the_diagnostics() {
    let (root, mut server, draft) = workspace_with_draft("workspace-edit");
    let earlier = root.uri("wire/earlier.md");
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());

    // The passage is rewritten on disk: no copy any more.
    root.write(
        "wire/earlier.md",
        EARLIER.replace(PASSAGE, "Nobody had to leave home, the mayor said."),
    );
    server.forget_backlog();
    notify_changed(&mut server, &earlier, 2);
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());

    // Put back, then deleted.
    root.write("wire/earlier.md", EARLIER);
    server.forget_backlog();
    notify_changed(&mut server, &earlier, 2);
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    std::fs::remove_file(root.path.join("wire/earlier.md")).unwrap();
    server.forget_backlog();
    notify_changed(&mut server, &earlier, 3);
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());
}

#[test]
fn a_new_file_on_disk_is_indexed_when_the_watcher_reports_it() {
    let (root, mut server, draft) = workspace_with_draft("workspace-new");
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    std::fs::remove_file(root.path.join("wire/earlier.md")).unwrap();
    server.forget_backlog();
    notify_changed(&mut server, &root.uri("wire/earlier.md"), 3);
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());
    root.write("later.txt", format!("Wire copy.\n\n{PASSAGE}\n"));
    server.forget_backlog();
    notify_changed(&mut server, &root.uri("later.txt"), 1);
    let published = server.diagnostics_where(&draft, |p| {
        duplicates(p)
            .iter()
            .any(|d| d["relatedInformation"][0]["location"]["uri"] == json!(root.uri("later.txt")))
    });
    assert_eq!(duplicates(&published).len(), 1);
}

#[test]
fn closing_an_edited_file_reverts_it_to_the_disk() {
    let (root, mut server, draft) = workspace_with_draft("workspace-close");
    let earlier = root.uri("wire/earlier.md");
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    // Opened and edited in the editor: the editor's text counts, not the disk's.
    server.forget_backlog();
    server.open(
        &earlier,
        "markdown",
        "# Flood warning\n\nNothing else here.\n",
    );
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());
    server.forget_backlog();
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": earlier}}),
    );
    let published = server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    assert_eq!(
        duplicates(&published)[0]["relatedInformation"][0]["location"]["uri"],
        json!(earlier)
    );
}

#[test]
fn copy_files_are_watched_along_with_copydesk_toml() {
    let root = TempDir::new("workspace-watch");
    let (mut server, _) = Server::initialized_with(init_params(&root, watching()));
    let registration = server
        .wait_for(|m| m["method"] == "client/registerCapability")
        .expect("the server registers a file watcher");
    let globs: Vec<&Value> = registration["params"]["registrations"][0]["registerOptions"]
        ["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|watcher| &watcher["globPattern"])
        .collect();
    assert_eq!(
        globs,
        vec![&json!("**/copydesk.toml"), &json!("**/*.{md,markdown,txt}")]
    );
}

#[test]
fn indexing_progress_arrives_in_order() {
    let root = TempDir::new("workspace-progress");
    for number in 0..600 {
        root.write(
            &format!("stories/{number:03}.md"),
            format!("Story {number} reports on the budget vote number {number} in the council.\n"),
        );
    }
    let capabilities = json!({"window": {"workDoneProgress": true}});
    let (mut server, _) = Server::initialized_with(init_params(&root, capabilities));
    let create = server
        .wait_for(|m| m["method"] == "window/workDoneProgress/create")
        .expect("the server creates a progress token");
    let token = create["params"]["token"].clone();
    let mut values = Vec::new();
    while values
        .last()
        .is_none_or(|value: &Value| value["kind"] != "end")
    {
        let progress = server
            .wait_for(|m| m["method"] == "$/progress")
            .expect("progress until the end");
        assert_eq!(progress["params"]["token"], token);
        values.push(progress["params"]["value"].clone());
    }
    let kinds: Vec<&str> = values
        .iter()
        .map(|value| value["kind"].as_str().unwrap())
        .collect();
    let last_message = values.last().unwrap()["message"].as_str().unwrap();
    assert_eq!(kinds.first(), Some(&"begin"));
    assert!(kinds.len() >= 4, "{kinds:?}");
    assert!(kinds[1..kinds.len() - 1]
        .iter()
        .all(|kind| *kind == "report"));
    // Each report counts the files indexed so far.
    assert_eq!(values[1]["message"], "256/600 files");
    assert_eq!(last_message, "600 files indexed");
}

#[test]
fn no_progress_without_work_done_progress_support() {
    let root = TempDir::new("workspace-no-progress");
    root.write("a.md", EARLIER);
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({})));
    let draft = root.uri("draft.md");
    server.open(&draft, "markdown", DRAFT);
    // Indexing ends before the re-check that finds the copy, so its progress would be here.
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    assert!(!server.has_received(
        |m| m["method"] == "$/progress" || m["method"] == "window/workDoneProgress/create"
    ));
}

#[test]
fn excluding_a_folder_takes_its_files_out_of_the_index_and_including_it_brings_them_back() {
    let (root, mut server, draft) = workspace_with_draft("workspace-exclude");
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());

    rewrite_settings(&root, &mut server, "exclude = [\"wire/\"]\n", 1);
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());

    rewrite_settings(&root, &mut server, "exclude = []\n", 2);
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
}

#[test]
fn an_editor_setting_that_excludes_a_folder_takes_its_files_out_of_the_index() {
    let (_root, mut server, draft) = workspace_with_draft("workspace-exclude-editor");
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
    server.forget_backlog();
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"exclude": ["wire/"]}}}),
    );
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());
}

#[test]
fn lowering_and_raising_the_size_cap_in_copydesk_toml_reindexes_the_workspace() {
    let root = TempDir::new("workspace-cap");
    // The earlier story padded past 2 KB.
    let filler = "The council met again on Tuesday to discuss the budget for next year.\n\n";
    root.write(
        "wire/earlier.md",
        format!("{EARLIER}\n{}", filler.repeat(40)),
    );
    let (mut server, _) = Server::initialized_with(init_params(&root, watching()));
    let draft = root.uri("draft.md");
    server.open(&draft, "markdown", DRAFT);
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());

    rewrite_settings(&root, &mut server, "[index]\nmax_file_kb = 1\n", 1);
    server.diagnostics_where(&draft, |p| duplicates(p).is_empty());

    rewrite_settings(&root, &mut server, "[index]\nmax_file_kb = 64\n", 2);
    server.diagnostics_where(&draft, |p| !duplicates(p).is_empty());
}
