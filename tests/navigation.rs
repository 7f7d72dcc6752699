//! Navigation by name over the protocol: hover on a person (with their quotes) and on a quote,
//! definition, references, documentHighlight, prepareRename + rename applied to the text,
//! documentSymbol, and the `name-variant` quick fix applied to the text.

mod common;

use common::{apply_lsp_edits, utf16_position, Server};
use serde_json::{json, Value};

const URI: &str = "file:///newsroom/talks.md";

const STORY: &str = "\
# Talks resume in Istanbul

Kremlin spokesperson Dmitry Peskov said on Monday that Moscow was ready to talk.

\"We are diametrically opposed on the main questions,\" Peskov told reporters.

## Kyiv responds

Ukrainian President Volodymyr Zelenskyy said the delegation would travel on Tuesday. Zelensky's office gave no agenda.

\"The water came in faster than anyone could carry things upstairs.\"

Power was cut in several districts overnight.

Peskov later added that the European Central Bank (ECB) was not involved. The ECB declined to comment.
";

/// The LSP position of the `nth` occurrence of `needle` (plus `into` bytes).
fn at(needle: &str, nth: usize, into: usize) -> Value {
    let offset = STORY
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} #{nth}"))
        .0
        + into;
    let (line, character) = utf16_position(STORY, offset);
    json!({"line": line, "character": character})
}

fn params(position: Value) -> Value {
    json!({"textDocument": {"uri": URI}, "position": position})
}

/// The text an LSP range covers.
fn covered(range: &Value) -> String {
    let edit = json!({"range": range, "newText": "\u{1}"});
    let marked = apply_lsp_edits(STORY, &[edit]);
    let start = marked.find('\u{1}').unwrap();
    let removed = STORY.len() + 1 - marked.len();
    STORY[start..start + removed].to_string()
}

fn opened() -> Server {
    let mut server = Server::start();
    server.open(URI, "markdown", STORY);
    server.diagnostics_for_version(URI, 1);
    server
}

#[test]
fn capabilities_are_advertised() {
    let (mut server, result) = Server::initialized(json!({}), Value::Null);
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["definitionProvider"], true);
    assert_eq!(capabilities["referencesProvider"], true);
    assert_eq!(capabilities["documentHighlightProvider"], true);
    assert_eq!(capabilities["documentSymbolProvider"], true);
    assert_eq!(capabilities["renameProvider"]["prepareProvider"], true);
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn hover_on_a_person_lists_their_quotes() {
    let mut server = opened();
    let hover = server.request("textDocument/hover", params(at("Peskov told", 0, 2)));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**Dmitry Peskov** — person\nKremlin spokesperson"),
        "{value}"
    );
    assert!(
        value.contains("Mentioned 3 times · first on line 3"),
        "{value}"
    );
    assert!(
        value.contains("Quotes:\n- line 5: “We are diametrically opposed on the…”"),
        "{value}"
    );
    assert_eq!(covered(&hover["range"]), "Peskov");
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn hover_on_a_quote_says_who_said_it() {
    let mut server = opened();
    let hover = server.request("textDocument/hover", params(at("diametrically", 0, 0)));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(value, "Quote from **Dmitry Peskov** — Kremlin spokesperson");
    let hover = server.request("textDocument/hover", params(at("faster", 0, 0)));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("Quote with no speaker named"), "{value}");
    assert!(value.contains("unattributed-quote"), "{value}");
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn definition_goes_to_the_first_full_reference() {
    let mut server = opened();
    let location = server.request("textDocument/definition", params(at("Peskov", 2, 1)));
    assert_eq!(location["uri"], URI);
    assert_eq!(location["range"]["start"], at("Dmitry Peskov", 0, 0));
    assert_eq!(covered(&location["range"]), "Dmitry Peskov");
    let acronym = server.request("textDocument/definition", params(at("ECB", 1, 0)));
    assert_eq!(covered(&acronym["range"]), "European Central Bank");
    let nothing = server.request("textDocument/definition", params(at("ready", 0, 0)));
    assert!(nothing.is_null());
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn references_and_highlights_list_every_mention() {
    let mut server = opened();
    let mut request = params(at("Zelensky's", 0, 0));
    request["context"] = json!({"includeDeclaration": true});
    let references = server.request("textDocument/references", request.clone());
    let texts: Vec<String> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| covered(&l["range"]))
        .collect();
    assert_eq!(texts, ["Volodymyr Zelenskyy", "Zelensky"]);
    request["context"] = json!({"includeDeclaration": false});
    let without = server.request("textDocument/references", request);
    assert_eq!(without.as_array().unwrap().len(), 1);

    let highlights = server.request("textDocument/documentHighlight", params(at("ECB", 0, 1)));
    let found: Vec<(String, u64)> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (covered(&h["range"]), h["kind"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("European Central Bank".to_string(), 3),
            ("ECB".to_string(), 2),
            ("ECB".to_string(), 2)
        ]
    );
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn rename_changes_every_mention_of_that_person_only() {
    let mut server = opened();
    let prepared = server.request("textDocument/prepareRename", params(at("Peskov", 1, 3)));
    assert_eq!(prepared["placeholder"], "Peskov");
    assert_eq!(covered(&prepared["range"]), "Peskov");
    let mut request = params(at("Peskov", 1, 3));
    request["newName"] = json!("Peskow");
    let edit = server.request("textDocument/rename", request);
    let edits = edit["changes"][URI].as_array().unwrap().clone();
    let renamed = apply_lsp_edits(STORY, &edits);
    assert_eq!(renamed, STORY.replace("Peskov", "Peskow"));

    // From a surname spelled two ways: both spellings become the new one.
    let mut request = params(at("Zelensky's", 0, 0));
    request["newName"] = json!("Selenskyj");
    let edit = server.request("textDocument/rename", request);
    let renamed = apply_lsp_edits(STORY, edit["changes"][URI].as_array().unwrap());
    assert!(renamed.contains("Volodymyr Selenskyj said") && renamed.contains("Selenskyj's office"));
    assert!(renamed.contains("Dmitry Peskov"));

    let nowhere = server.request("textDocument/prepareRename", params(at("ready", 0, 0)));
    assert!(nowhere.is_null());
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn document_symbols_outline_headings_and_name_people() {
    let mut server = opened();
    let symbols = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols[0]["name"], "Talks resume in Istanbul");
    let children = symbols[0]["children"].as_array().unwrap();
    assert_eq!(children.len(), 1);
    assert_eq!(children[0]["name"], "Kyiv responds");
    let people: Vec<(String, String)> = symbols[1..]
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(people.contains(&(
        "Dmitry Peskov".to_string(),
        "person · 3 mentions · Kremlin spokesperson".to_string()
    )));
    assert!(people.contains(&(
        "European Central Bank".to_string(),
        "organisation · 3 mentions".to_string()
    )));
    assert!(people.iter().any(|(name, _)| name == "Volodymyr Zelenskyy"));
    assert!(
        !people.iter().any(|(name, _)| name == "Istanbul"),
        "places are not symbols"
    );
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn name_variant_quick_fix_writes_the_first_spelling() {
    let mut server = Server::start();
    server.open(URI, "markdown", STORY);
    let diagnostics = server.diagnostics_for_version(URI, 1);
    let variant: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "name-variant")
        .collect();
    assert_eq!(variant.len(), 1, "{diagnostics:?}");
    let range = variant[0]["range"].clone();
    assert_eq!(covered(&range), "Zelensky");
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": range,
            "context": {"diagnostics": [variant[0]], "only": ["quickfix"]},
        }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Use “Zelenskyy”")
        .unwrap_or_else(|| panic!("{actions}"));
    assert_eq!(fix["isPreferred"], true);
    let fixed = apply_lsp_edits(STORY, fix["edit"]["changes"][URI].as_array().unwrap());
    assert_eq!(
        fixed,
        STORY.replace("Zelensky's office", "Zelenskyy's office")
    );
    assert_eq!(server.shutdown_and_exit(), Some(0));
}
