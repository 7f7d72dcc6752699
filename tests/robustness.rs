//! Robustness: property tests of incremental sync against a reference model, fuzzing the checks
//! with arbitrary Unicode, a faulty check under `catch_unwind`, and protocol abuse (malformed
//! frames, unknown methods and documents, stale versions, wild positions, `params: null`, a
//! 50 MB document, 10,000 edits in a burst, the client going away, logs kept off stdout).

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Lcg, Server, REPEATED_HEADING_STORY};
use copydesk::analysis::{
    self, check_text, Check, Corpus, Document, Format, Reads, Settings, Severity,
};
use copydesk::lsp::position::Encoding;
use copydesk::lsp::store::OpenDocument;
use proptest::prelude::*;
use serde_json::{json, Value};
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

// ---------------------------------------------------------------------------------------------
// A reference model of LSP positions, written apart from the server's own conversion.

/// Byte ranges of each line's content (without its break); breaks are `\n`, `\r\n`, lone `\r`.
fn line_contents(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                lines.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(start..bytes.len());
    lines
}

fn units(c: char, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

/// The byte offset a position names: past the last line is the end of the text, past the end
/// of a line is its end, and inside a character is that character's start.
fn reference_offset(text: &str, line: u32, character: u32, encoding: Encoding) -> usize {
    let lines = line_contents(text);
    let Some(content) = lines.get(line as usize) else {
        return text.len();
    };
    let mut used = 0;
    for (offset, c) in text[content.clone()].char_indices() {
        used += units(c, encoding);
        if used > character as usize {
            return content.start + offset;
        }
    }
    content.end
}

/// The UTF-16 position of a byte offset (lone CRs end lines too).
fn reference_position(text: &str, offset: usize) -> (usize, usize) {
    let lines = line_contents(text);
    let line = lines
        .iter()
        .rposition(|content| content.start <= offset)
        .unwrap_or(0);
    let start = lines[line].start;
    let end = offset.min(lines[line].end);
    (line, text[start..end].encode_utf16().count())
}

/// One edit as the model applies it.
#[derive(Debug, Clone)]
enum Edit {
    Range {
        start: (u32, u32),
        end: (u32, u32),
        text: String,
    },
    Whole(String),
}

impl Edit {
    fn apply(&self, text: &mut String, encoding: Encoding) {
        match self {
            Edit::Whole(new) => *text = new.clone(),
            Edit::Range {
                start,
                end,
                text: new,
            } => {
                let a = reference_offset(text, start.0, start.1, encoding);
                let b = reference_offset(text, end.0, end.1, encoding);
                text.replace_range(a.min(b)..a.max(b), new);
            }
        }
    }

    fn to_lsp(&self) -> TextDocumentContentChangeEvent {
        match self {
            Edit::Whole(text) => TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: text.clone(),
            },
            Edit::Range { start, end, text } => TextDocumentContentChangeEvent {
                range: Some(Range::new(
                    Position::new(start.0, start.1),
                    Position::new(end.0, end.1),
                )),
                range_length: None,
                text: text.clone(),
            },
        }
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self.to_lsp()).expect("serialise change")
    }
}

/// Pieces of copy that stress positions: multi-byte characters, emoji (surrogate pairs), all
/// three line breaks, headings that repeat, quotes and directives.
const PIECES: &[&str] = &[
    "a",
    " ",
    "é",
    "😀",
    "記者",
    "“Q,” she said.",
    "\n",
    "\r\n",
    "\r",
    "# Storm\n",
    "\n# Storm\n",
    "**Talks**\n",
    "x\r",
    "\ny",
    "👩‍👩‍👧",
    "<!-- copydesk-disable-next-line -->\n",
    "\t",
    "",
];

fn piece() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..4).prop_map(|parts| parts.concat())
}

/// A coordinate: usually near the text, sometimes far past it.
fn coordinate() -> impl Strategy<Value = u32> {
    prop_oneof![
        8 => 0u32..12,
        1 => 12u32..200,
        1 => Just(u32::MAX),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        12 => (coordinate(), coordinate(), coordinate(), coordinate(), piece()).prop_map(
            |(l1, c1, l2, c2, text)| Edit::Range { start: (l1, c1), end: (l2, c2), text }
        ),
        // Edits at a line end and just past the end of the text.
        2 => (0u32..8, piece()).prop_map(|(line, text)| Edit::Range {
            start: (line, u32::MAX), end: (line + 1, 0), text
        }),
        1 => piece().prop_map(Edit::Whole),
    ]
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        Just(Encoding::Utf16),
        Just(Encoding::Utf8),
        Just(Encoding::Utf32)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Unit level: every edit leaves the rope equal to the reference string.
    #[test]
    fn incremental_edits_keep_the_rope_equal_to_the_reference(
        initial in piece(),
        edits in prop::collection::vec(edit(), 1..40),
        encoding in encoding(),
    ) {
        let mut expected = initial.clone();
        let mut doc = OpenDocument::new(&initial, 1, Format::Markdown);
        for edit in &edits {
            edit.apply(&mut expected, encoding);
            doc.apply(&edit.to_lsp(), encoding);
            prop_assert_eq!(&*doc.text(), expected.as_str(), "after {:?}", edit);
            prop_assert_eq!(doc.rope.len_lines(), line_contents(&expected).len());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Protocol level: the server's diagnostics after random edits equal a fresh check.

/// Diagnostics as comparable tuples: code, start, end, message.
fn summarise(diagnostics: &[Value]) -> Vec<Value> {
    diagnostics
        .iter()
        .map(|d| {
            json!([
                d["code"],
                d["range"]["start"],
                d["range"]["end"],
                d["message"]
            ])
        })
        .collect()
}

fn fresh_diagnostics(text: &str) -> Vec<Value> {
    check_text(text, Format::Markdown)
        .iter()
        .map(|finding| {
            let (l1, c1) = reference_position(text, finding.range.start);
            let (l2, c2) = reference_position(text, finding.range.end);
            json!([
                finding.code,
                {"line": l1, "character": c1},
                {"line": l2, "character": c2},
                finding.message
            ])
        })
        .collect()
}

fn change(server: &mut Server, uri: &str, version: i64, edit: &Edit) {
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version},
               "contentChanges": [edit.to_json()]}),
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn server_diagnostics_after_random_edits_equal_a_fresh_check(
        edits in prop::collection::vec(edit(), 1..60),
    ) {
        let mut server = Server::start();
        let uri = "file:///newsroom/property.md";
        let mut expected = String::from("# Storm\n\n“Q,” she said.\r\n😀 text\rend\n");
        server.open(uri, "markdown", &expected);
        let mut version = 1;
        for edit in &edits {
            version += 1;
            edit.apply(&mut expected, Encoding::Utf16);
            change(&mut server, uri, version, edit);
        }
        let published = server.diagnostics_for_version(uri, version);
        prop_assert_eq!(summarise(&published), fresh_diagnostics(&expected));
    }
}

// ---------------------------------------------------------------------------------------------
// Fuzzing the checks with arbitrary Unicode.

/// Texts no check may panic on: arbitrary strings, copy-like mixtures, control characters.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat()),
        prop::collection::vec(
            prop_oneof![
                Just('\0'),
                Just('\r'),
                Just('“'),
                Just('”'),
                Just('"'),
                Just('#'),
                Just('*'),
                Just('\n'),
                Just('\u{feff}'),
                Just('\u{200b}'),
                any::<char>()
            ],
            0..400
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// Runs every check on `text` as both formats, alone and against a corpus holding a variant
/// of it, then turns the findings into LSP diagnostics and applies their fixes.
fn exercise_checks(text: &str) -> Result<(), TestCaseError> {
    for format in [Format::Markdown, Format::PlainText] {
        let doc = Document::parse(text, format);
        let mut corpus = Corpus::default();
        corpus.insert(
            "other",
            std::sync::Arc::from(text.replace('\r', "\n")),
            format,
        );
        for corpus in [Corpus::default(), corpus] {
            let report = analysis::check(&doc, Some("this"), &corpus, &Settings::default());
            prop_assert!(
                report.crashed.is_empty(),
                "checks crashed: {:?}",
                report.crashed
            );
            let _ = copydesk::lsp::diagnostics::to_diagnostics(
                &"file:///fuzz.md".parse().unwrap(),
                std::sync::Arc::from(text),
                &report.findings,
                Encoding::Utf16,
                &NoOtherDocuments,
            );
            for finding in &report.findings {
                prop_assert!(finding.range.start <= finding.range.end);
                prop_assert!(finding.range.end <= text.len());
                for fix in &finding.fixes {
                    let _ = analysis::apply_edits(text, &fix.edits);
                }
            }
        }
    }
    Ok(())
}

struct NoOtherDocuments;

impl copydesk::lsp::diagnostics::TextLookup for NoOtherDocuments {
    fn text_of(&self, _: &tower_lsp::lsp_types::Url) -> Option<std::sync::Arc<str>> {
        None
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_check_panics_on_arbitrary_unicode(text in hostile_text()) {
        exercise_checks(&text)?;
    }
}

#[test]
fn no_check_panics_on_huge_lines_nuls_and_lone_carriage_returns() {
    let long_words = "word ".repeat(20_000);
    let cases = [
        "a".repeat(100_000),
        "“".repeat(100_000),
        format!("# {}\n\n# {}\n", long_words, long_words),
        format!("“{long_words}” he said.\n{long_words}\n"),
        "\0".repeat(100_000),
        "\r".repeat(100_000),
        "x\r".repeat(50_000),
        format!("**{}**\n\n**{}**", "😀".repeat(50_000), "😀".repeat(50_000)),
        "<!-- copydesk-disable".repeat(5_000),
    ];
    for text in &cases {
        exercise_checks(text).unwrap_or_else(|error| panic!("{error}"));
    }
}

// ---------------------------------------------------------------------------------------------
// A check with a bug.

fn panicking_run(_: &analysis::Context<'_>) -> Vec<analysis::Finding> {
    panic!("a bug in a check")
}

#[test]
fn a_panicking_check_is_reported_and_the_others_still_run() {
    let faulty = Check {
        code: "faulty-check",
        summary: "Always panics",
        description: "",
        severity: Severity::Error,
        reads: Reads::Document,
        run: panicking_run,
    };
    let heading = analysis::checks::by_code("repeated-heading").expect("registered");
    let checks = [faulty, copy_of(heading)];
    let doc = Document::parse(REPEATED_HEADING_STORY, Format::Markdown);
    let report = analysis::check_with(
        &checks,
        &doc,
        None,
        &Corpus::default(),
        &Settings::default(),
        None,
    );
    assert_eq!(report.crashed, vec!["faulty-check"]);
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].code, "repeated-heading");
}

fn copy_of(check: &Check) -> Check {
    Check {
        code: check.code,
        summary: check.summary,
        description: check.description,
        severity: check.severity,
        reads: check.reads,
        run: check.run,
    }
}

// ---------------------------------------------------------------------------------------------
// Protocol abuse.

fn wait_response(server: &mut Server, id: i64) -> Value {
    server
        .wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
        .unwrap_or_else(|| panic!("no response to request {id}"))
}

fn hover(server: &mut Server, uri: &str, line: u64, character: u64) -> Value {
    server.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
}

/// Proves the server still serves: a document opened now gets its diagnostics.
fn assert_still_serving(server: &mut Server, uri: &str) {
    server.open(uri, "markdown", REPEATED_HEADING_STORY);
    let diagnostics = server.diagnostics_for_version(uri, 1);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "repeated-heading"),
        "{diagnostics:?}"
    );
}

#[test]
fn malformed_json_gets_a_parse_error_and_the_server_goes_on() {
    let mut server = Server::start();
    server.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = server
        .wait_for(|m| m["error"]["code"] == -32700)
        .expect("a parse error");
    assert_eq!(error["id"], Value::Null);
    assert_still_serving(&mut server, "file:///abuse/malformed.md");
}

#[test]
fn wrong_content_lengths_resynchronise_at_the_next_message() {
    let mut server = Server::start();
    // Too long: the body claims more bytes than it has. The bytes that follow (a request long
    // enough to fill the claimed length) show the claim false, and reading resumes there.
    server.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\"}");
    let padding = "x".repeat(600);
    server.send(&json!({"jsonrpc": "2.0", "id": 900, "method": "copydesk/nothing", "params": {"pad": padding}}));
    assert_eq!(wait_response(&mut server, 900)["error"]["code"], -32601);
    // Too short: the body is cut in the middle.
    server.send_raw(b"Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1}");
    server.send_raw(b"Content-Length: nine\r\n\r\n");
    server.send(&json!({"jsonrpc": "2.0", "id": 901, "method": "copydesk/nothing"}));
    assert_eq!(wait_response(&mut server, 901)["error"]["code"], -32601);
    assert!(server.wait_for(|m| m["error"]["code"] == -32700).is_some());
    assert_still_serving(&mut server, "file:///abuse/lengths.md");
}

#[test]
fn unknown_methods_get_method_not_found_and_unknown_notifications_are_ignored() {
    let mut server = Server::start();
    server.notify("copydesk/unknownNotification", json!({"x": 1}));
    server.notify("$/unknownProtocolNotification", json!({}));
    let unknown = server.request_raw("textDocument/noSuchRequest", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    assert_still_serving(&mut server, "file:///abuse/unknown.md");
}

#[test]
fn requests_on_documents_never_opened_answer_empty() {
    let mut server = Server::start();
    let never = "file:///abuse/never-opened.md";
    assert_eq!(hover(&mut server, never, 0, 0)["result"], Value::Null);
    let actions = server.request_raw(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": never},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert!(actions.get("error").is_none(), "{actions}");
    assert_eq!(actions["result"], Value::Null);
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": never, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": never}}),
    );
    assert_still_serving(&mut server, "file:///abuse/opened.md");
}

#[test]
fn did_change_with_an_old_version_is_ignored() {
    let mut server = Server::start();
    let uri = "file:///abuse/versions.md";
    server.open(uri, "markdown", "# Title\n\nBody.\n");
    let newer = json!({"textDocument": {"uri": uri, "version": 5},
        "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
                            "text": "\n# Title\n"}]});
    server.notify("textDocument/didChange", newer);
    // A replayed or stale change (same and older versions) must not touch the text.
    for stale in [5, 3] {
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": stale},
                   "contentChanges": [{"text": "# Title\n"}]}),
        );
    }
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 6},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                   "text": "Dek.\n"}]}),
    );
    let expected = "Dek.\n# Title\n\nBody.\n\n# Title\n";
    let published = server.diagnostics_for_version(uri, 6);
    assert_eq!(summarise(&published), fresh_diagnostics(expected));
    assert!(!published.is_empty());
}

#[test]
fn positions_far_out_of_range_and_inside_surrogate_pairs_are_clamped() {
    let mut server = Server::start();
    let uri = "file:///abuse/positions.md";
    let mut expected = String::from("# A 😀 b\n\nBody 😀.\n");
    server.open(uri, "markdown", &expected);
    let edits = [
        Edit::Range {
            start: (u32::MAX, u32::MAX),
            end: (u32::MAX, 0),
            text: "\n# A 😀 b\n".into(),
        },
        // Character 5 is between the two halves of the emoji on line 0.
        Edit::Range {
            start: (0, 5),
            end: (0, 5),
            text: "x".into(),
        },
        Edit::Range {
            start: (2, 4_000_000_000),
            end: (1, 0),
            text: "é".into(),
        },
    ];
    for (index, edit) in edits.iter().enumerate() {
        edit.apply(&mut expected, Encoding::Utf16);
        change(&mut server, uri, index as i64 + 2, edit);
    }
    let far = hover(&mut server, uri, u32::MAX as u64, u32::MAX as u64);
    assert!(far.get("error").is_none(), "{far}");
    let actions = server.request_raw(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 3}, "end": {"line": u32::MAX, "character": u32::MAX}},
               "context": {"diagnostics": []}}),
    );
    assert!(actions["result"].is_array(), "{actions}");
    let published = server.diagnostics_for_version(uri, 4);
    assert_eq!(summarise(&published), fresh_diagnostics(&expected));
}

#[test]
fn params_null_gets_invalid_params_where_params_are_needed() {
    let mut server = Server::start();
    let response = server.request_raw("textDocument/hover", Value::Null);
    assert_eq!(response["error"]["code"], -32602, "{response}");
    server.notify("textDocument/didOpen", Value::Null);
    server.notify("textDocument/didChange", Value::Null);
    server.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didClose"}));
    assert_still_serving(&mut server, "file:///abuse/null.md");
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

/// Resident memory of a process, in bytes (Linux; `None` elsewhere).
fn resident_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// About 50 MB of copy: long prose lines in a fenced block (not prose to check), then a
/// repeated heading, so the only finding is at the very end.
fn fifty_megabytes() -> String {
    let line = format!(
        "{}\n",
        "Crews worked through the night to shore up the levee. ".repeat(18)
    );
    let mut text = String::with_capacity(52 << 20);
    text.push_str("# Flood\n\n```\n");
    while text.len() < 50 << 20 {
        text.push_str(&line);
    }
    text.push_str("```\n\n# Flood\n");
    text
}

#[test]
fn a_fifty_megabyte_document_is_checked_and_its_memory_returned() {
    let mut server = Server::start();
    let small = "file:///abuse/small.md";
    server.open(small, "markdown", REPEATED_HEADING_STORY);
    server.diagnostics_for_version(small, 1);
    let before = resident_bytes(server.pid());

    let big = "file:///abuse/big.md";
    let text = fifty_megabytes();
    server.open(big, "markdown", &text);
    // Other documents are still served while the big one is read and checked.
    let served = hover(&mut server, small, 0, 2);
    assert!(served.get("error").is_none(), "{served}");
    let published = server.diagnostics_for_version(big, 1);
    assert_eq!(summarise(&published), fresh_diagnostics(&text));
    assert_eq!(published.len(), 1);
    drop(text);

    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": big}}),
    );
    server.diagnostics_where(big, |p| p["diagnostics"] == json!([]));
    if let Some(before) = before {
        let limit = before + (100 << 20);
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut after = resident_bytes(server.pid()).unwrap_or(0);
        while after > limit && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(200));
            after = resident_bytes(server.pid()).unwrap_or(0);
        }
        assert!(
            after <= limit,
            "resident memory {} MiB after closing, {} MiB before opening",
            after >> 20,
            before >> 20
        );
    }
    assert_still_serving(&mut server, "file:///abuse/after-big.md");
}

#[test]
fn ten_thousand_edits_in_a_burst_end_in_the_right_diagnostics() {
    let mut server = Server::start();
    let other = "file:///abuse/other.md";
    server.open(other, "markdown", REPEATED_HEADING_STORY);
    let uri = "file:///abuse/burst.md";
    let mut expected = String::from("# Storm Warning\n\nThe river rose.\n");
    server.open(uri, "markdown", &expected);
    let mut random = Lcg(6);
    for version in 2..=10_001 {
        let lines = line_contents(&expected).len() as u32;
        let line = random.next(lines as usize + 1) as u32;
        let character = random.next(12) as u32;
        let deleting = random.next(3) == 0;
        let edit = Edit::Range {
            start: (line, character),
            end: if deleting {
                (line, character + 3)
            } else {
                (line, character)
            },
            text: if deleting {
                String::new()
            } else {
                PIECES[random.next(PIECES.len())].to_string()
            },
        };
        edit.apply(&mut expected, Encoding::Utf16);
        change(&mut server, uri, version, &edit);
    }
    let published = server.diagnostics_for_version(uri, 10_001);
    assert_eq!(summarise(&published), fresh_diagnostics(&expected));
    let served = hover(&mut server, other, 0, 2);
    assert!(served.get("error").is_none(), "{served}");
    assert_eq!(server.shutdown_and_exit(), Some(0));
}

#[test]
fn closing_stdin_ends_the_process_promptly_even_mid_check() {
    let mut server = Server::start();
    let uri = "file:///abuse/leaving.md";
    server.open(uri, "markdown", &REPEATED_HEADING_STORY.repeat(2_000));
    for version in 2..=50 {
        change(
            &mut server,
            uri,
            version,
            &Edit::Range {
                start: (0, 0),
                end: (0, 0),
                text: "x".into(),
            },
        );
    }
    server.close_stdin();
    // Generous bound against hangs; the server itself allows 200 ms for a last flush.
    assert!(
        server.wait_exit_within(Duration::from_secs(5)).is_some(),
        "the server outlived its client"
    );
}

/// Splits raw stdout into frames; any byte outside a `Content-Length` frame is an error.
fn strict_frames(mut bytes: &[u8]) -> Result<Vec<Value>, String> {
    let mut frames = Vec::new();
    while !bytes.is_empty() {
        let header_end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or_else(|| {
                format!(
                    "bytes outside a frame: {:?}",
                    String::from_utf8_lossy(bytes)
                )
            })?;
        let header = std::str::from_utf8(&bytes[..header_end]).map_err(|e| e.to_string())?;
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("not a protocol header: {header:?}"))?;
        let body = bytes
            .get(header_end + 4..header_end + 4 + length)
            .ok_or("a truncated frame")?;
        frames.push(serde_json::from_slice(body).map_err(|e| format!("bad JSON: {e}"))?);
        bytes = &bytes[header_end + 4 + length..];
    }
    Ok(frames)
}

fn framed(message: Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn stdout_carries_only_protocol_messages_even_with_trace_logging() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["serve", "--stdio"])
        .env("COPYDESK_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let uri = "file:///abuse/logging.md";
    let mut stdin = child.stdin.take().unwrap();
    let script = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": uri, "languageId": "markdown", "version": 1, "text": REPEATED_HEADING_STORY}}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params":
            {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 3}}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "no/such/method"}),
    ];
    for message in script {
        stdin.write_all(&framed(message)).unwrap();
    }
    stdin.write_all(b"Content-Length: 3\r\n\r\n{x}").unwrap();
    stdin.flush().unwrap();
    // Let the check publish, then leave.
    std::thread::sleep(Duration::from_millis(500));
    stdin
        .write_all(&framed(
            json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}),
        ))
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stdin
        .write_all(&framed(json!({"jsonrpc": "2.0", "method": "exit"})))
        .unwrap();
    drop(stdin);
    let deadline = Instant::now() + common::WAIT;
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let frames = strict_frames(&out_reader.join().unwrap()).unwrap_or_else(|e| panic!("{e}"));
    assert!(frames
        .iter()
        .any(|f| f["id"] == 1 && f["result"]["capabilities"].is_object()));
    assert!(frames
        .iter()
        .any(|f| f["id"] == 3 && f["error"]["code"] == -32601));
    assert!(frames.iter().any(|f| f["error"]["code"] == -32700));
    let logs = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    assert!(
        logs.contains("malformed message"),
        "logs go to stderr: {logs}"
    );
}
