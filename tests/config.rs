//! Configuration in the language server: `copydesk.toml` at the workspace root, editor settings
//! over it, live reloads, and what an invalid file does (and does not) do.

mod common;

use common::{Server, TempDir, REPEATED_HEADING_STORY};
use serde_json::{json, Value};

const VALID_ERROR: &str = "[checks.repeated-heading]\nseverity = \"error\"\n";
const DISABLED: &str = "[checks.repeated-heading]\nenabled = false\n";
const MISSPELT: &str = "[duplicates]\nthreshold = 0.9\ntreshold = 0.8\n";

fn init_params(root: &TempDir, capabilities: Value, options: Value) -> Value {
    json!({
        "processId": null,
        "rootUri": format!("file://{}", root.path.display()),
        "capabilities": capabilities,
        "initializationOptions": options,
    })
}

fn watching() -> Value {
    json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}})
}

/// The severities of the `repeated-heading` diagnostics in a publish.
fn heading_severities(params: &Value) -> Vec<u64> {
    params["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "repeated-heading")
        .map(|d| d["severity"].as_u64().unwrap_or(0))
        .collect()
}

fn open_story(server: &mut Server, root: &TempDir) -> String {
    let uri = root.uri("story.md");
    server.open(&uri, "markdown", REPEATED_HEADING_STORY);
    uri
}

fn notify_file_changed(server: &mut Server, root: &TempDir) {
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": root.uri("copydesk.toml"), "type": 2}]}),
    );
}

#[test]
fn copydesk_toml_at_the_workspace_root_sets_severity() {
    let root = TempDir::new("config-root");
    root.write("copydesk.toml", VALID_ERROR);
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), Value::Null));
    let uri = open_story(&mut server, &root);
    let published = server.diagnostics_where(&uri, |p| !heading_severities(p).is_empty());
    assert_eq!(heading_severities(&published), vec![1]);
}

#[test]
fn workspace_folders_are_preferred_to_root_uri() {
    let root = TempDir::new("config-folders");
    let other = TempDir::new("config-other");
    root.write("copydesk.toml", DISABLED);
    let mut params = init_params(&other, json!({}), Value::Null);
    params["workspaceFolders"] =
        json!([{"uri": format!("file://{}", root.path.display()), "name": "news"}]);
    let (mut server, _) = Server::initialized_with(params);
    let uri = open_story(&mut server, &root);
    let published = server.diagnostics_for_version(&uri, 1);
    assert!(
        published.iter().all(|d| d["code"] != "repeated-heading"),
        "{published:?}"
    );
}

#[test]
fn editor_settings_override_the_file() {
    let root = TempDir::new("config-override");
    root.write("copydesk.toml", VALID_ERROR);
    let options = json!({"copydesk": {"checks": {"repeated-heading": {"severity": "hint"}}}});
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), options));
    let uri = open_story(&mut server, &root);
    let published = server.diagnostics_where(&uri, |p| !heading_severities(p).is_empty());
    assert_eq!(heading_severities(&published), vec![4]);
    // Dropping the editor's severity lets the file's show through, without a restart.
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"debounceMs": 0}}}),
    );
    let published = server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    assert_eq!(published["version"], 1);
}

#[test]
fn settings_pulled_with_workspace_configuration_apply() {
    let root = TempDir::new("config-pull");
    root.write("copydesk.toml", VALID_ERROR);
    let capabilities = json!({"workspace": {"configuration": true}});
    let (mut server, _) = Server::initialized_with(init_params(&root, capabilities, Value::Null));
    let request = server
        .wait_for_unanswered(|m| m["method"] == "workspace/configuration")
        .expect("the server asks for its settings");
    assert_eq!(request["params"]["items"][0]["section"], "copydesk");
    let uri = open_story(&mut server, &root);
    server.reply(
        &request,
        json!([{"checks": {"repeated-heading": {"severity": "information"}}}]),
    );
    let published = server.diagnostics_where(&uri, |p| heading_severities(p) == vec![3]);
    assert_eq!(published["version"], 1);
}

#[test]
fn settings_sent_after_a_configuration_request_win_over_its_late_answer() {
    let root = TempDir::new("config-late-answer");
    root.write("copydesk.toml", VALID_ERROR);
    let capabilities = json!({"workspace": {"configuration": true}});
    let options = json!({"copydesk": {"checks": {"repeated-heading": {"severity": "hint"}}}});
    let (mut server, _) = Server::initialized_with(init_params(&root, capabilities, options));
    let request = server
        .wait_for_unanswered(|m| m["method"] == "workspace/configuration")
        .expect("the server asks for its settings");
    let uri = open_story(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![4]);
    // The user removes the setting; the answer to the earlier request, written before that,
    // arrives after it and must not bring the setting back.
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {}}}),
    );
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    server.reply(
        &request,
        json!([{"checks": {"repeated-heading": {"severity": "hint"}}}]),
    );
    // A later edit is checked with the settings in force: the file's error, not the hint.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": REPEATED_HEADING_STORY}],
        }),
    );
    let published = server.diagnostics_where(&uri, |p| p["version"] == 2);
    assert_eq!(heading_severities(&published), vec![1], "{published:?}");
}

#[test]
fn watched_file_changes_recheck_open_documents() {
    let root = TempDir::new("config-watch");
    root.write("copydesk.toml", VALID_ERROR);
    let (mut server, _) = Server::initialized_with(init_params(&root, watching(), Value::Null));
    let registration = server
        .wait_for(|m| m["method"] == "client/registerCapability")
        .expect("the server registers a file watcher");
    let registered = &registration["params"]["registrations"][0];
    assert_eq!(registered["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registered["registerOptions"]["watchers"][0]["globPattern"],
        "**/copydesk.toml"
    );
    let uri = open_story(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    root.write("copydesk.toml", DISABLED);
    notify_file_changed(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p).is_empty());
    // Deleting the file brings back the defaults (warning).
    std::fs::remove_file(root.path.join("copydesk.toml")).unwrap();
    notify_file_changed(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![2]);
}

#[test]
fn invalid_file_warns_marks_the_line_and_keeps_the_last_good_settings() {
    let root = TempDir::new("config-invalid");
    root.write("copydesk.toml", VALID_ERROR);
    let (mut server, _) = Server::initialized_with(init_params(&root, watching(), Value::Null));
    let uri = open_story(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);

    root.write("copydesk.toml", MISSPELT);
    notify_file_changed(&mut server, &root);
    let shown = server
        .wait_for(|m| m["method"] == "window/showMessage")
        .expect("a warning is shown");
    assert_eq!(shown["params"]["type"], 2);
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("copydesk.toml:3:1") && text.contains("treshold"),
        "{text}"
    );
    let config_uri = root.uri("copydesk.toml");
    let marked = server.diagnostics_where(&config_uri, |p| p["diagnostics"] != json!([]));
    let diagnostic = &marked["diagnostics"][0];
    assert_eq!(diagnostic["range"]["start"]["line"], 2);
    assert_eq!(diagnostic["severity"], 1);
    assert!(diagnostic["message"].as_str().unwrap().contains("treshold"));
    // The open document is still checked with the last good settings (severity error).
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    let hover = server.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(
        hover.get("error").is_none(),
        "the server still answers: {hover}"
    );

    // Fixing the file clears its diagnostic and puts the new settings in force.
    root.write("copydesk.toml", DISABLED);
    notify_file_changed(&mut server, &root);
    server.diagnostics_where(&config_uri, |p| p["diagnostics"] == json!([]));
    server.diagnostics_where(&uri, |p| heading_severities(p).is_empty());
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn invalid_file_at_startup_is_reported_and_the_defaults_apply() {
    let root = TempDir::new("config-startup");
    root.write("copydesk.toml", "[checks.repeated-heading]\nseverity = 3\n");
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), Value::Null));
    let shown = server
        .wait_for(|m| m["method"] == "window/showMessage")
        .expect("a warning is shown");
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .contains("copydesk.toml:2:12"));
    let marked = server.diagnostics_where(&root.uri("copydesk.toml"), |_| true);
    assert_eq!(marked["diagnostics"][0]["range"]["start"]["line"], 1);
    let uri = open_story(&mut server, &root);
    let published = server.diagnostics_where(&uri, |p| !heading_severities(p).is_empty());
    assert_eq!(heading_severities(&published), vec![2]);
}

#[test]
fn saving_copydesk_toml_reloads_it() {
    // A watching client gets no polling: only the didSave below can trigger the reload.
    let root = TempDir::new("config-save");
    root.write("copydesk.toml", VALID_ERROR);
    let (mut server, _) = Server::initialized_with(init_params(&root, watching(), Value::Null));
    let uri = open_story(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    root.write("copydesk.toml", DISABLED);
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": root.uri("copydesk.toml")}}),
    );
    server.diagnostics_where(&uri, |p| heading_severities(p).is_empty());
}

#[test]
fn copydesk_toml_is_polled_when_the_client_cannot_watch() {
    let root = TempDir::new("config-poll");
    root.write("copydesk.toml", VALID_ERROR);
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), Value::Null));
    let uri = open_story(&mut server, &root);
    server.diagnostics_where(&uri, |p| heading_severities(p) == vec![1]);
    root.write("copydesk.toml", DISABLED);
    server.diagnostics_where(&uri, |p| heading_severities(p).is_empty());
    root.write("copydesk.toml", MISSPELT);
    let shown = server
        .wait_for(|m| m["method"] == "window/showMessage")
        .expect("a warning is shown");
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .contains("treshold"));
    // The warning is given once per change of the file, not once per look at it.
    let config_uri = root.uri("copydesk.toml");
    server.diagnostics_where(&config_uri, |p| p["diagnostics"] != json!([]));
    let hover = server.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.get("error").is_none());
    std::thread::sleep(std::time::Duration::from_millis(2_500));
    server.send(
        &json!({"jsonrpc": "2.0", "id": 777, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}),
    );
    let next = server
        .wait_for(|m| m["method"] == "window/showMessage" || m["id"] == 777)
        .expect("the hover is answered");
    assert_eq!(next["id"], 777, "warned again: {next}");
}

#[test]
fn excluded_documents_are_not_checked() {
    let root = TempDir::new("config-exclude");
    root.write("copydesk.toml", "exclude = [\"archive/\"]\n");
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), Value::Null));
    let archived = root.uri("archive/2019/old.md");
    server.open(&archived, "markdown", REPEATED_HEADING_STORY);
    assert_eq!(
        server.diagnostics_for_version(&archived, 1),
        Vec::<Value>::new()
    );
    let uri = open_story(&mut server, &root);
    let published = server.diagnostics_where(&uri, |p| !heading_severities(p).is_empty());
    assert_eq!(heading_severities(&published), vec![2]);
}

#[test]
fn ignore_for_this_line_inserts_a_directive_that_silences_the_finding() {
    let root = TempDir::new("config-ignore");
    let (mut server, _) = Server::initialized_with(init_params(&root, json!({}), Value::Null));
    let uri = root.uri("story.md");
    let text = "# Council approves budget\r\n\r\nBody.\r\n\r\n  # Council approves budget\r\n";
    server.open(&uri, "markdown", text);
    let diagnostics = server.diagnostics_for_version(&uri, 1);
    let diagnostic = diagnostics
        .iter()
        .find(|d| d["code"] == "repeated-heading")
        .expect("a repeated heading")
        .clone();
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diagnostic["range"],
               "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}}),
    );
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ignore for this line")
        .expect("ignore action offered")
        .clone();
    assert_eq!(ignore["kind"], "quickfix");
    let edits = ignore["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = common::apply_lsp_edits(text, edits);
    assert_eq!(
        fixed,
        "# Council approves budget\r\n\r\nBody.\r\n\r\n  <!-- copydesk-disable-next-line repeated-heading -->\r\n  # Council approves budget\r\n"
    );
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = server.diagnostics_for_version(&uri, 2);
    assert!(
        after.iter().all(|d| d["code"] != "repeated-heading"),
        "{after:?}"
    );
}
