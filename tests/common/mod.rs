//! A minimal LSP client for protocol tests: spawns `copydesk serve` and speaks JSON-RPC with
//! Content-Length framing over its stdin/stdout.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Upper bound for any single wait; a hang fails the test instead of blocking CI.
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else, kept for later waits.
    backlog: Vec<Value>,
    next_id: i64,
}

impl Server {
    pub fn spawn() -> Server {
        Server::spawn_with_env(&[])
    }

    pub fn spawn_with_env(env: &[(&str, &str)]) -> Server {
        Server::spawn_command(env, Stdio::null())
    }

    /// Spawns `copydesk serve --stdio` with `env` and its stderr going to `stderr`, and starts
    /// a thread that reads its framed messages.
    fn spawn_command(env: &[(&str, &str)], stderr: Stdio) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        command
            .args(["serve", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr);
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("spawn copydesk serve");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Server {
            stdin: child.stdin.take(),
            child,
            incoming,
            backlog: Vec::new(),
            next_id: 1,
        }
    }

    /// Spawns and initializes with the given client capabilities and options.
    pub fn initialized(capabilities: Value, options: Value) -> (Server, Value) {
        let mut server = Server::spawn();
        let result = server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        server.notify("initialized", json!({}));
        (server, result)
    }

    /// Spawns and initializes a client that takes pushed diagnostics in UTF-16.
    pub fn start() -> Server {
        Server::initialized(json!({}), Value::Null).0
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
        self.send_raw(framed.as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response (with `result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|message| message["id"] == json!(id) && message.get("method").is_none())
            .unwrap_or_else(|| panic!("no response to {method}"))
    }

    /// Sends a request and returns its result, failing the test on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The first message (read now or earlier) matching `wanted`, answering server-to-client
    /// requests along the way so the server never waits on us.
    pub fn wait_for(&mut self, wanted: impl FnMut(&Value) -> bool) -> Option<Value> {
        self.wait_matching(wanted, true)
    }

    /// The first message matching `wanted`, from the backlog or read within `WAIT`; other
    /// messages go to the backlog. With `answer`, server-to-client requests get a reply.
    fn wait_matching(
        &mut self,
        mut wanted: impl FnMut(&Value) -> bool,
        answer: bool,
    ) -> Option<Value> {
        if let Some(index) = self.backlog.iter().position(&mut wanted) {
            return Some(self.backlog.remove(index));
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.incoming.recv_timeout(left) {
                Ok(message) => {
                    if answer {
                        self.answer_server_request(&message);
                    }
                    if wanted(&message) {
                        return Some(message);
                    }
                    self.backlog.push(message);
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    fn answer_server_request(&mut self, message: &Value) {
        if message.get("id").is_some() && message.get("method").is_some() {
            let result = match message["method"].as_str() {
                Some("workspace/configuration") => json!([null]),
                _ => Value::Null,
            };
            let reply = json!({"jsonrpc": "2.0", "id": message["id"], "result": result});
            self.send(&reply);
        }
    }

    /// The next publishDiagnostics for `uri` whose version satisfies `version_ok`.
    pub fn diagnostics_where(
        &mut self,
        uri: &str,
        mut accept: impl FnMut(&Value) -> bool,
    ) -> Value {
        let uri = uri.to_string();
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && accept(&m["params"])
        })
        .unwrap_or_else(|| panic!("no matching diagnostics for {uri}"))["params"]
            .clone()
    }

    /// The diagnostics published for `uri` at exactly `version`.
    pub fn diagnostics_for_version(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params = self.diagnostics_where(uri, |p| p["version"] == json!(version));
        params["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}),
        );
    }

    pub fn close_stdin(&mut self) {
        self.stdin.take();
    }

    /// Waits (bounded) for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn shutdown_and_exit(&mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A deterministic pseudo-random sequence (no dependency, same on every machine).
/// The byte offset of the first char boundary at or after `at` (random edits land anywhere).
pub fn boundary(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(text.len())
}

/// Every Markdown and text story in `folders` (relative to the crate), sorted by path, with
/// its format.
pub fn stories_in(folders: &[&str]) -> Vec<(String, copydesk::analysis::Format)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for folder in folders {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(folder))
            .expect("read folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "md" || e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("read story");
            found.push((
                text,
                copydesk::analysis::Format::from_path(&path.to_string_lossy()),
            ));
        }
    }
    found
}

pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(value) = header.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Byte offset of an LSP position (UTF-16 columns) in `text`, written independently of the
/// server's own conversion so the tests check it rather than repeat it.
pub fn utf16_offset(text: &str, line: usize, character: usize) -> usize {
    let mut offset = 0;
    for (index, segment) in text.split_inclusive('\n').enumerate() {
        if index == line {
            let content = segment.trim_end_matches(['\n', '\r']);
            let mut units = 0;
            for (byte, c) in content.char_indices() {
                if units >= character {
                    return offset + byte;
                }
                units += c.len_utf16();
            }
            return offset + content.len();
        }
        offset += segment.len();
    }
    text.len()
}

/// The LSP position (UTF-16) of byte `offset` in `text` (LF or CRLF line ends).
pub fn utf16_position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = before[line_start..].chars().map(char::len_utf16).sum();
    (line, character)
}

/// Applies LSP TextEdits (UTF-16 positions) to `text`, last first.
pub fn apply_lsp_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            let range = &edit["range"];
            let at = |p: &Value| {
                utf16_offset(
                    text,
                    p["line"].as_u64().unwrap() as usize,
                    p["character"].as_u64().unwrap() as usize,
                )
            };
            (
                at(&range["start"]),
                at(&range["end"]),
                edit["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|span| std::cmp::Reverse(span.0));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, &new_text);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Helpers for configuration, CLI and robustness tests.

impl Server {
    /// The server's process id (for reading its memory use from /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Spawns and initializes with the whole `initialize` params given (root, capabilities,
    /// options), then sends `initialized`.
    pub fn initialized_with(params: Value) -> (Server, Value) {
        let mut server = Server::spawn();
        let result = server.request("initialize", params);
        server.notify("initialized", json!({}));
        (server, result)
    }

    /// Like `wait_for`, but leaves requests from the server unanswered so the test can answer
    /// them itself (with `reply`).
    pub fn wait_for_unanswered(&mut self, wanted: impl FnMut(&Value) -> bool) -> Option<Value> {
        self.wait_matching(wanted, false)
    }

    /// Answers a request the server sent.
    pub fn reply(&mut self, request: &Value, result: Value) {
        self.send(&json!({"jsonrpc": "2.0", "id": request["id"], "result": result}));
    }

    /// Waits at most `limit` for the process to end and returns its exit code.
    pub fn wait_exit_within(&mut self, limit: Duration) -> Option<i32> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code();
            }
            thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// A fresh folder under the system's temporary folder, removed when dropped.
pub struct TempDir {
    pub path: std::path::PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "copydesk-{label}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let path = std::env::temp_dir().join(unique);
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp folder");
        // Canonical, so paths compare equal to what the server derives from URIs.
        let path = path.canonicalize().expect("canonical temp folder");
        TempDir { path }
    }

    /// Writes `text` to `relative` (creating folders) and returns the full path.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = self.path.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// The `file://` URI of `relative` inside the folder.
    pub fn uri(&self, relative: &str) -> String {
        file_uri(&self.path.join(relative))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The `file://` URI of an absolute path (ASCII paths, as the tests use).
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// A story whose second heading repeats the first: one `repeated-heading` finding, line 4.
pub const REPEATED_HEADING_STORY: &str =
    "# Council approves budget\n\nThe council met on Tuesday.\n\n# Council approves budget\n\nIt voted 7 to 2.\n";

// ---------------------------------------------------------------------------------------------
// Helpers for workspace-index tests.

impl Server {
    /// Forgets every message read so far but not yet waited for, so the next wait sees only
    /// what the server sends from now on (and what is still in flight).
    pub fn forget_backlog(&mut self) {
        self.backlog.clear();
    }

    /// Whether a message matching `wanted` was read and not yet waited for.
    pub fn has_received(&self, wanted: impl FnMut(&Value) -> bool) -> bool {
        self.backlog.iter().any(wanted)
    }
}

impl Server {
    /// Spawns `copydesk serve` with `env`, writing its log (stderr) to the file `log`.
    pub fn spawn_with_log(env: &[(&str, &str)], log: &std::path::Path) -> Server {
        let log = std::fs::File::create(log).expect("create log file");
        Server::spawn_command(env, Stdio::from(log))
    }
}
