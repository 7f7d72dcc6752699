//! The server's shared state: open documents, negotiated options, settings, and the latest
//! analysis of each document. Edits are applied here in arrival order (see `sync_in_order`).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use ropey::Rope;
use serde_json::Value;
use tower_lsp::jsonrpc::Request;
use tower_lsp::lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Url,
};

use super::config::{ConfigProblem, ConfigSources, FileReload, ServerConfig};
use super::diagnostics::TextLookup;
use super::position::Encoding;
use super::store::DocumentStore;
use super::transport::Output;
use super::workspace::Workspace;
use crate::analysis::{self, Document, Finding, Format};
use crate::config::ConfigLayer;
use crate::sync::lock;

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFlags {
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub configuration_pull: bool,
    /// The client lets the server register file watchers (`workspace/didChangeWatchedFiles`).
    pub watch_files: bool,
    /// The client shows `$/progress` for tokens made with `window/workDoneProgress/create`.
    pub work_done_progress: bool,
}

/// A document's text frozen at one version, with what is needed to check it off the runtime.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub uri: Url,
    pub version: i32,
    pub rope: Rope,
    pub text: Arc<str>,
    pub format: Format,
    /// The other open documents, put in the workspace index before the check if they changed.
    pub others: Vec<(String, Arc<str>, Format)>,
    pub config: ServerConfig,
    /// The workspace index this document is compared with (it holds the document itself).
    pub workspace: Arc<Workspace>,
    /// What the last check of this document left for this one.
    pub memo: Arc<analysis::Memo>,
}

impl Snapshot {
    pub fn analyse(&self) -> Vec<Finding> {
        if !self.is_checked() {
            return Vec::new();
        }
        // Open documents go into the index from their text (only changed paragraphs are
        // fingerprinted again) while entity extraction starts beside; the checks that read
        // the index then do so under a shared lock.
        let doc = Document::parse(&self.text, self.format);
        let report = analysis::check_again_while_indexing(
            &doc,
            Some(self.uri.as_str()),
            &self.config.analysis,
            &self.memo,
            || {
                self.workspace
                    .update_open_parsed(self.uri.as_str(), &self.text, &doc);
                for (name, text, format) in &self.others {
                    self.workspace.update_open(name, text, *format);
                }
                self.workspace.read()
            },
        );
        let (matched, reused) = self.memo.last_paragraphs();
        tracing::debug!(
            "duplicate-passage on {} version {}: {matched} paragraphs matched, {reused} reused",
            self.uri,
            self.version
        );
        for code in &report.crashed {
            tracing::error!(
                "check {code} crashed on {}; its findings are missing",
                self.uri
            );
        }
        report.findings
    }

    /// Whether the include/exclude globs let this document be checked (documents that are not
    /// files, such as unsaved buffers, always are).
    fn is_checked(&self) -> bool {
        match self.uri.to_file_path() {
            Ok(path) => self.config.files.allows(&path, true),
            Err(()) => true,
        }
    }
}

/// Where a fresh check runs (see [`State::analysed_in_own_task`]).
enum Run {
    BlockingPool,
    ThisThread,
}

/// The findings of one version of a document.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub version: i32,
    pub rope: Rope,
    pub text: Arc<str>,
    pub format: Format,
    pub findings: Arc<Vec<Finding>>,
    /// The workspace index's generation the findings were computed against.
    pub generation: u64,
    /// The results epoch (see `State::results_epoch`) the findings were computed in.
    pub epoch: u64,
}

/// `params: null` means "no params" to many clients; tower-lsp rejects it for methods without
/// params (`shutdown`), so it is removed. Methods that need params then get a proper
/// invalid-params error.
pub fn drop_null_params(request: Request) -> Request {
    if request.params() != Some(&Value::Null) {
        return request;
    }
    let (method, id, _) = request.into_parts();
    let builder = Request::build(method);
    match id {
        Some(id) => builder.id(id).finish(),
        None => builder.finish(),
    }
}

#[derive(Default)]
pub struct State {
    store: Mutex<DocumentStore>,
    encoding: Mutex<Encoding>,
    config: Mutex<ServerConfig>,
    /// The settings' sources; `config` is resolved from them whenever one changes.
    sources: Mutex<ConfigSources>,
    flags: Mutex<ClientFlags>,
    results: Mutex<HashMap<Url, Analysed>>,
    /// Bumped whenever cached results are dropped (settings or other documents changed): a
    /// check that started before must not put its now outdated result in the cache.
    results_epoch: std::sync::atomic::AtomicU64,
    /// Bumped whenever the editor's settings are put in force, so an answer to an earlier
    /// `workspace/configuration` request can tell it is outdated.
    editor_settings_generation: std::sync::atomic::AtomicU64,
    /// Debounce tickets: a scheduled check runs only if no later one was scheduled since.
    tickets: Mutex<HashMap<Url, u64>>,
    shutdown_requested: AtomicBool,
    /// The client's `workspace.diagnostics.refreshSupport`, read from the raw initialize JSON.
    raw_diagnostic_refresh: AtomicBool,
    /// Every copy file of the workspace and every open document, fingerprinted.
    pub workspace: Arc<Workspace>,
    /// Where diagnostics are published past tower-lsp (set when serving stdio).
    output: OnceLock<Output>,
}

impl State {
    /// Applies document notifications to the store at the moment they arrive, before tower-lsp
    /// hands them to concurrently running handlers (which could otherwise reorder them).
    /// Also notes `shutdown`, and ends the process on `exit`, which tower-lsp would not do.
    pub fn sync_in_order(&self, request: &Request) {
        let params = request.params().cloned().unwrap_or(Value::Null);
        match request.method() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    let doc = p.text_document;
                    let format = Format::from_language_id(&doc.language_id);
                    let format = if format == Format::PlainText {
                        Format::from_path(doc.uri.path())
                    } else {
                        format
                    };
                    self.workspace.mark_open(doc.uri.as_str());
                    lock(&self.store).open(doc.uri, &doc.text, doc.version, format);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    let encoding = self.encoding();
                    let doc = p.text_document;
                    if self
                        .version_of(&doc.uri)
                        .is_some_and(|known| doc.version <= known)
                    {
                        // Versions only grow (LSP 3.17); an old one is a stale or replayed
                        // change, and applying it would corrupt the text.
                        tracing::warn!(
                            "didChange for {} at version {} is not newer than the text; ignored",
                            doc.uri,
                            doc.version
                        );
                        return;
                    }
                    if !lock(&self.store).change(
                        &doc.uri,
                        doc.version,
                        &p.content_changes,
                        encoding,
                    ) {
                        tracing::warn!("didChange for {} which is not open; ignored", doc.uri);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    let uri = &p.text_document.uri;
                    let size = lock(&self.store).get(uri).map_or(0, |d| d.rope.len_bytes());
                    lock(&self.store).close(uri);
                    // The handler reverts the index entry to the file on disk.
                    self.workspace.mark_closed(uri.as_str());
                    lock(&self.results).remove(uri);
                    if size >= LARGE_DOCUMENT {
                        release_freed_memory();
                    }
                }
            }
            "initialize" => {
                // lsp-types 0.94 reads `workspace.diagnostic`; LSP 3.17 clients send the plural
                // `workspace.diagnostics`, which it drops, so read the raw JSON here.
                let refresh = &params["capabilities"]["workspace"]["diagnostics"]["refreshSupport"];
                self.raw_diagnostic_refresh
                    .store(refresh == &Value::Bool(true), Ordering::SeqCst);
                return;
            }
            "shutdown" => {
                self.shutdown_requested.store(true, Ordering::SeqCst);
                return;
            }
            "exit" => {
                let code = if self.shutdown_requested.load(Ordering::SeqCst) {
                    0
                } else {
                    1
                };
                std::process::exit(code);
            }
            _ => return,
        }
        // Any document change can add or remove cross-document duplicates elsewhere.
        lock(&self.results).clear();
    }

    pub fn encoding(&self) -> Encoding {
        *lock(&self.encoding)
    }

    pub fn set_encoding(&self, encoding: Encoding) {
        *lock(&self.encoding) = encoding;
    }

    pub fn config(&self) -> ServerConfig {
        lock(&self.config).clone()
    }

    pub fn set_config(&self, config: ServerConfig) {
        self.workspace
            .set_max_file_bytes(config.max_indexed_file_bytes);
        *lock(&self.config) = config;
        self.invalidate_results();
    }

    /// Changes one source of settings and puts the resolved settings in force.
    fn update_sources<T>(&self, change: impl FnOnce(&mut ConfigSources) -> T) -> T {
        let mut sources = lock(&self.sources);
        let outcome = change(&mut sources);
        self.set_config(sources.resolve());
        outcome
    }

    /// Sets the workspace root, where `copydesk.toml` is looked for.
    pub fn set_root(&self, root: Option<PathBuf>) {
        self.update_sources(|sources| sources.root = root);
    }

    /// Puts the editor's settings in force over the file's.
    pub fn set_editor_layer(&self, layer: ConfigLayer) {
        self.update_sources(|sources| sources.editor = layer);
        self.editor_settings_generation
            .fetch_add(1, Ordering::SeqCst);
    }

    /// How many times the editor's settings were put in force.
    pub fn editor_settings_generation(&self) -> u64 {
        self.editor_settings_generation.load(Ordering::SeqCst)
    }

    /// Reads `copydesk.toml` again (an invalid file keeps the last valid settings).
    pub fn reload_config_file(&self) -> FileReload {
        self.update_sources(ConfigSources::reload_file)
    }

    /// Whether `copydesk.toml` changed on disk since it was last read.
    pub fn config_file_changed(&self) -> bool {
        lock(&self.sources).file_changed_on_disk()
    }

    /// What is wrong with `copydesk.toml`, while it is invalid.
    pub fn config_problem(&self) -> Option<ConfigProblem> {
        lock(&self.sources).problem.clone()
    }

    /// `copydesk.toml` at the workspace root, as a URI.
    pub fn config_file_uri(&self) -> Option<Url> {
        let path = lock(&self.sources).file_path()?;
        Url::from_file_path(path).ok()
    }

    pub fn is_config_file(&self, uri: &Url) -> bool {
        self.config_file_uri().as_ref() == Some(uri)
    }

    pub fn set_output(&self, output: Output) {
        let _ = self.output.set(output);
    }

    pub fn output(&self) -> Option<&Output> {
        self.output.get()
    }

    pub fn flags(&self) -> ClientFlags {
        *lock(&self.flags)
    }

    pub fn set_flags(&self, mut flags: ClientFlags) {
        flags.diagnostic_refresh |= self.raw_diagnostic_refresh.load(Ordering::SeqCst);
        *lock(&self.flags) = flags;
    }

    pub fn open_uris(&self) -> Vec<Url> {
        lock(&self.store).uris()
    }

    pub fn version_of(&self, uri: &Url) -> Option<i32> {
        lock(&self.store).get(uri).map(|doc| doc.version)
    }

    /// Freezes the current text of `uri` and of the other open documents.
    pub fn snapshot(&self, uri: &Url) -> Option<Snapshot> {
        let mut store = lock(&self.store);
        let others = store
            .iter_mut()
            .filter(|(other, _)| *other != uri)
            .map(|(other, doc)| (other.to_string(), doc.text(), doc.format))
            .collect();
        let doc = store.get_mut(uri)?;
        Some(Snapshot {
            uri: uri.clone(),
            version: doc.version,
            rope: doc.rope.clone(),
            text: doc.text(),
            format: doc.format,
            others,
            config: self.config(),
            workspace: self.workspace.clone(),
            memo: doc.memo.clone(),
        })
    }

    /// The findings for the current version of `uri`, from the cache or freshly computed on a
    /// blocking thread. `None` when the document is not open.
    pub async fn analysed(&self, uri: &Url) -> Option<Analysed> {
        self.analysed_on(uri, Run::BlockingPool).await
    }

    /// [`State::analysed`] for a task of its own (a scheduled check): a fresh check runs on
    /// this thread, which hands its other tasks to another worker meanwhile. At a typist's
    /// pace the blocking pool's thread is asleep, and waking it, then this one again, cost
    /// about 0.5 ms an edit (BENCHMARKS.md, round 13). Not for handlers: tower-lsp polls them
    /// all in one task, which would stop reading messages for the check's length. Needs the
    /// multi-thread runtime `copydesk serve` builds.
    pub async fn analysed_in_own_task(&self, uri: &Url) -> Option<Analysed> {
        self.analysed_on(uri, Run::ThisThread).await
    }

    async fn analysed_on(&self, uri: &Url, run: Run) -> Option<Analysed> {
        let version = self.version_of(uri)?;
        // Read before the snapshot: files indexed meanwhile make the result stale.
        let generation = self.workspace.generation();
        let epoch = self.results_epoch.load(Ordering::SeqCst);
        if let Some(cached) = lock(&self.results)
            .get(uri)
            .filter(|a| a.version == version && a.generation == generation && a.epoch == epoch)
        {
            return Some(cached.clone());
        }
        let snapshot = self.snapshot(uri)?;
        let (findings, snapshot) = match run {
            Run::BlockingPool => {
                tokio::task::spawn_blocking(move || (snapshot.analyse(), snapshot))
                    .await
                    .ok()?
            }
            Run::ThisThread => (tokio::task::block_in_place(|| snapshot.analyse()), snapshot),
        };
        let analysed = Analysed {
            version: snapshot.version,
            rope: snapshot.rope,
            text: snapshot.text,
            format: snapshot.format,
            findings: Arc::new(findings),
            generation,
            epoch,
        };
        let current = self.version_of(uri) == Some(analysed.version);
        let mut results = lock(&self.results);
        // Settings changed while this check ran: its findings may be outdated, so they are
        // returned to this caller (whose re-check is already scheduled) but not cached.
        if current && self.results_epoch.load(Ordering::SeqCst) == epoch {
            results.insert(uri.clone(), analysed.clone());
        }
        drop(results);
        Some(analysed)
    }

    /// Forgets cached results (after settings or another document changed).
    pub fn invalidate_results(&self) {
        let mut results = lock(&self.results);
        self.results_epoch.fetch_add(1, Ordering::SeqCst);
        results.clear();
    }

    /// Takes a new debounce ticket for `uri`.
    pub fn next_ticket(&self, uri: &Url) -> u64 {
        let mut tickets = lock(&self.tickets);
        let ticket = tickets.entry(uri.clone()).or_default();
        *ticket += 1;
        *ticket
    }

    pub fn is_latest_ticket(&self, uri: &Url, ticket: u64) -> bool {
        lock(&self.tickets).get(uri) == Some(&ticket)
    }

    pub fn forget_tickets(&self, uri: &Url) {
        lock(&self.tickets).remove(uri);
    }
}

/// Documents at least this large give their memory back to the system when closed.
const LARGE_DOCUMENT: usize = 4 << 20;

/// Asks the allocator to return freed memory to the system. glibc keeps the freed pieces of a
/// large document's rope in its heaps for reuse, so without this a closed 50 MB document would
/// keep the server's memory high for good.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> std::os::raw::c_int;
    }
    // SAFETY: malloc_trim only releases free memory the allocator holds; it is thread-safe
    // and touches no live allocation.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

impl TextLookup for State {
    /// An open document's text, else the indexed text of a closed workspace file.
    fn text_of(&self, uri: &Url) -> Option<Arc<str>> {
        if let Some(text) = lock(&self.store).get_mut(uri).map(|doc| doc.text()) {
            return Some(text);
        }
        self.workspace.text_of(uri.as_str())
    }
}
