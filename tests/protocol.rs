//! Protocol tests: spawn `copydesk serve` and speak real JSON-RPC over stdio.

mod common;

use common::{apply_lsp_edits, utf16_offset, utf16_position, Lcg, Server};
use copydesk::analysis::{check_text, Format};
use serde_json::{json, Value};

const STORY_URI: &str = "file:///newsroom/story.md";

const STORY: &str = "\
**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained \"diametrically opposed\" on the main questions.

**Fresh Peace Talks Scheduled in Istanbul**

Peskov added that more diplomatic work would be needed before any meeting of leaders.
";

fn codes(diagnostics: &[Value]) -> Vec<(String, u64)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn initialize_advertises_incremental_sync_and_negotiates_encoding() {
    let (mut server, result) = Server::initialized(json!({}), Value::Null);
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["textDocumentSync"]["change"], 2);
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["hoverProvider"], true);
    assert!(capabilities.get("diagnosticProvider").is_none());
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    assert_eq!(server.shutdown_and_exit(), Some(0));

    let offered = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let (mut server, result) = Server::initialized(offered, Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn diagnostics_on_open_carry_version_source_and_related_information() {
    let mut server = Server::start();
    server.open(STORY_URI, "markdown", STORY);
    let diagnostics = server.diagnostics_for_version(STORY_URI, 1);
    let heading: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "repeated-heading")
        .collect();
    assert_eq!(heading.len(), 1, "{diagnostics:?}");
    let diagnostic = heading[0];
    assert_eq!(diagnostic["source"], "copydesk");
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": 4, "character": 0})
    );
    assert_eq!(diagnostic["severity"], 2);
    let related = &diagnostic["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], STORY_URI);
    assert_eq!(related["range"]["start"]["line"], 0);
    assert!(diagnostic["message"].as_str().unwrap().contains("line 1"));
}

#[test]
fn diagnostics_follow_edits() {
    let mut server = Server::start();
    let uri = "file:///newsroom/edit.md";
    server.open(uri, "markdown", "# Budget vote\n\nThe council met.\n");
    assert!(server.diagnostics_for_version(uri, 1).is_empty());
    // Paste the headline again at the end.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "\n# Budget Vote!\n"}
        ]}),
    );
    let diagnostics = server.diagnostics_for_version(uri, 2);
    assert_eq!(
        codes(&diagnostics),
        vec![("repeated-heading".to_string(), 4)]
    );
    // Undo it with a full-text change.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "# Budget vote\n"}]}),
    );
    assert!(server.diagnostics_for_version(uri, 3).is_empty());
}

#[test]
fn close_clears_diagnostics() {
    let mut server = Server::start();
    server.open(STORY_URI, "markdown", STORY);
    assert!(!server.diagnostics_for_version(STORY_URI, 1).is_empty());
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": STORY_URI}}),
    );
    let cleared = server.diagnostics_where(STORY_URI, |p| p["diagnostics"] == json!([]));
    assert!(cleared["diagnostics"].as_array().unwrap().is_empty());
}

fn char_boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

#[test]
fn burst_of_300_incremental_edits_ends_in_the_right_diagnostics() {
    let mut server = Server::start();
    let uri = "file:///newsroom/burst.md";
    let mut expected = String::from("# Storm Warning\n\nThe river rose overnight.\n");
    server.open(uri, "markdown", &expected);
    let snippets = [
        "\n# Storm Warning\n",
        "a",
        " ",
        "é",
        "😀",
        "“Q”",
        "\n",
        "## Update\n\n",
        "x",
    ];
    let mut random = Lcg(20261122);
    for version in 2..=301 {
        let boundaries = char_boundaries(&expected);
        let start = boundaries[random.next(boundaries.len())];
        let deleting = random.next(4) == 0;
        let end = if deleting {
            let later: Vec<usize> = boundaries
                .iter()
                .copied()
                .filter(|&b| b >= start)
                .take(6)
                .collect();
            later[random.next(later.len())]
        } else {
            start
        };
        let text = if deleting {
            ""
        } else {
            snippets[random.next(snippets.len())]
        };
        let (start_line, start_char) = utf16_position(&expected, start);
        let (end_line, end_char) = utf16_position(&expected, end);
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{
                "range": {"start": {"line": start_line, "character": start_char},
                          "end": {"line": end_line, "character": end_char}},
                "text": text}]}),
        );
        expected.replace_range(start..end, text);
    }
    let published = server.diagnostics_for_version(uri, 301);
    let fresh: Vec<Value> = check_text(&expected, Format::Markdown)
        .iter()
        .map(|finding| {
            let (line, character) = utf16_position(&expected, finding.range.start);
            json!([finding.code, line, character, finding.message])
        })
        .collect();
    let got: Vec<Value> = published
        .iter()
        .map(|d| {
            json!([
                d["code"],
                d["range"]["start"]["line"],
                d["range"]["start"]["character"],
                d["message"]
            ])
        })
        .collect();
    assert!(
        !fresh.is_empty(),
        "the burst should leave repeated headings behind"
    );
    assert_eq!(got, fresh);
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn quick_fix_removes_the_duplicate_heading() {
    let mut server = Server::start();
    server.open(STORY_URI, "markdown", STORY);
    let diagnostics = server.diagnostics_for_version(STORY_URI, 1);
    let diagnostic = diagnostics
        .iter()
        .find(|d| d["code"] == "repeated-heading")
        .unwrap()
        .clone();
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": STORY_URI}, "range": diagnostic["range"],
               "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}}),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Remove duplicate heading")
        .expect("quick fix offered")
        .clone();
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["isPreferred"], true);
    let edits = action["edit"]["changes"][STORY_URI].as_array().unwrap();
    let fixed = apply_lsp_edits(STORY, edits);
    let expected = STORY.replace(
        "**Fresh Peace Talks Scheduled in Istanbul**\n\nPeskov",
        "Peskov",
    );
    assert_eq!(fixed, expected);
}

#[test]
fn code_action_works_without_diagnostics_in_the_request() {
    let mut server = Server::start();
    let text = "# Title\n\nOne.\n\n# Title\n\nTwo.\n\n# title\n";
    let uri = "file:///newsroom/fixall.md";
    server.open(uri, "markdown", text);
    server.diagnostics_for_version(uri, 1);
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 4, "character": 2}, "end": {"line": 4, "character": 2}},
               "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Remove duplicate heading"), "{titles:?}");
    let fix_all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.copydesk")
        .expect("fix-all offered");
    let fixed = apply_lsp_edits(text, fix_all["edit"]["changes"][uri].as_array().unwrap());
    assert_eq!(fixed, "# Title\n\nOne.\n\nTwo.\n");
}

#[test]
fn hover_on_a_surname_shows_the_full_name() {
    let mut server = Server::start();
    server.open(STORY_URI, "markdown", STORY);
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": STORY_URI}, "position": {"line": 6, "character": 2}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.contains("Dmitry Peskov"), "{hover}");
    assert!(value.to_lowercase().contains("spokesperson"), "{hover}");
    // A plain word is not an entity.
    let none = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": STORY_URI}, "position": {"line": 6, "character": 20}}),
    );
    assert_eq!(none, Value::Null);
}

#[test]
fn cross_document_duplicate_names_the_other_file() {
    let mut server = Server::start();
    let wire = "file:///newsroom/wire.txt";
    let draft = "file:///newsroom/draft.txt";
    server.open(wire, "plaintext", "Crews evacuated more than 4,000 residents from low-lying districts on Sunday as the river rose.\n");
    server.diagnostics_for_version(wire, 1);
    server.open(draft, "plaintext", "Officials met at noon.\n\nCrews evacuated over 4,000 residents from low-lying parts on Sunday as the river rose.\n");
    let diagnostics = server.diagnostics_for_version(draft, 1);
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "duplicate-passage")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(duplicate["range"]["start"]["line"], 2);
    assert!(duplicate["message"].as_str().unwrap().contains("wire.txt"));
    assert_eq!(duplicate["relatedInformation"][0]["location"]["uri"], wire);
}

#[test]
fn pull_diagnostics_when_the_client_asks_for_them() {
    let capabilities = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}});
    let (mut server, result) = Server::initialized(capabilities, Value::Null);
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    server.open(STORY_URI, "markdown", STORY);
    let report = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": STORY_URI}}),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(
        codes(report["items"].as_array().unwrap()),
        vec![("repeated-heading".to_string(), 4)]
    );
    // Pull clients get no pushed diagnostics: a request answered after the open proves the
    // open was handled, and no publish may have arrived before it.
    server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": STORY_URI}, "position": {"line": 0, "character": 0}}),
    );
    let pushed = server.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
    assert!(pushed.is_none(), "{pushed:?}");
}

#[test]
fn settings_from_initialization_options_change_severity() {
    let options = json!({"copydesk": {"checks": {"repeated-heading": {"severity": "error"}}}});
    let (mut server, _) = Server::initialized(json!({}), options);
    server.open(STORY_URI, "markdown", STORY);
    let diagnostics = server.diagnostics_for_version(STORY_URI, 1);
    assert_eq!(diagnostics[0]["severity"], 1);
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"checks": {"repeated-heading": {"enabled": false}}}}}),
    );
    let after = server.diagnostics_where(STORY_URI, |p| p["diagnostics"] == json!([]));
    assert_eq!(after["version"], 1);
}

#[test]
fn utf8_positions_when_negotiated() {
    let offered = json!({"general": {"positionEncodings": ["utf-8"]}});
    let (mut server, _) = Server::initialized(offered, Value::Null);
    let uri = "file:///newsroom/utf8.md";
    let text = "# Zelenskyy’s “Plan” 😀\n\nBody.\n\n# Zelenskyy’s “Plan” 😀\n";
    server.open(uri, "markdown", text);
    let diagnostics = server.diagnostics_for_version(uri, 1);
    let end = &diagnostics[0]["range"]["end"];
    // UTF-8 columns count bytes: the heading line is 31 bytes long.
    assert_eq!(
        end,
        &json!({"line": 4, "character": "# Zelenskyy’s “Plan” 😀".len()})
    );
    let _ = utf16_offset;
}

#[test]
fn shutdown_then_exit_ends_the_process_with_code_zero() {
    let mut server = Server::start();
    server.open(STORY_URI, "markdown", STORY);
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_code_one() {
    let mut server = Server::start();
    server.notify("exit", Value::Null);
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn closing_stdin_ends_the_process() {
    let mut server = Server::start();
    server.close_stdin();
    assert!(server.wait_exit().is_some());
}

#[test]
fn malformed_messages_and_unknown_documents_do_not_stop_the_server() {
    let mut server = Server::start();
    server.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    server.notify("textDocument/didChange", json!({"textDocument": {"uri": "file:///never.md", "version": 2}, "contentChanges": [{"text": "x"}]}));
    let hover = server.request_raw("textDocument/hover", json!({"textDocument": {"uri": "file:///never.md"}, "position": {"line": 0, "character": 0}}));
    assert_eq!(hover["result"], Value::Null);
    let unknown = server.request_raw("copydesk/unknownMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    server.open(STORY_URI, "markdown", STORY);
    assert!(!server.diagnostics_for_version(STORY_URI, 1).is_empty());
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn pull_clients_are_asked_to_refresh_when_settings_change() {
    // LSP 3.17 spells it `workspace.diagnostics` (plural); VS Code and Neovim send that.
    let capabilities = json!({
        "textDocument": {"diagnostic": {}},
        "workspace": {"diagnostics": {"refreshSupport": true}},
    });
    let (mut server, _) = Server::initialized(capabilities, Value::Null);
    server.open(STORY_URI, "markdown", STORY);
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"checks": {"repeated-heading": {"enabled": false}}}}}),
    );
    let refresh = server.wait_for(|m| m["method"] == "workspace/diagnostic/refresh");
    assert!(refresh.is_some(), "no workspace/diagnostic/refresh request");
    let report = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": STORY_URI}}),
    );
    assert!(report["items"].as_array().unwrap().is_empty(), "{report}");
}
