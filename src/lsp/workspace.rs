//! The workspace index: one long-lived corpus holding every copy file under the workspace
//! folders and every open document (an open document's text overrides its file on disk), kept
//! up to date from edits, watched-file notifications, saves and closes, and filled in the
//! background after `initialized` with `$/progress` reports.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use rayon::prelude::*;
use tower_lsp::lsp_types::notification::Progress;
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::{
    NumberOrString, ProgressParams, ProgressParamsValue, Url, WorkDoneProgress,
    WorkDoneProgressBegin, WorkDoneProgressCreateParams, WorkDoneProgressEnd,
    WorkDoneProgressReport,
};
use tower_lsp::Client;

use super::state::State;
use crate::analysis::{Corpus, Document, Format};
use crate::config::{ConfigLayer, FileFilter};
use crate::sync::lock;

/// Files read, fingerprinted (in parallel) and added to the index per step; the index is locked
/// for writing only while a step's documents are added, so checks keep running meanwhile.
const FILES_PER_STEP: usize = 256;

/// The `$/progress` token of the initial indexing.
const PROGRESS_TOKEN: &str = "copydesk-indexing";

/// Why a file was left out of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    TooLarge { size: u64, cap: u64 },
    Binary,
    NotUtf8,
    Unreadable(String),
}

/// The corpus of the workspace and which of its documents come from the editor.
pub struct Workspace {
    corpus: RwLock<Corpus>,
    /// Names (URIs) of open documents: their entries come from the editor, not the disk.
    open: Mutex<HashSet<String>>,
    /// The folders indexed on `initialized`.
    folders: Mutex<Vec<PathBuf>>,
    /// Counts changes from the disk, so results computed before one are known to be stale.
    generation: AtomicU64,
    /// Files refreshed from a watcher event or a save while the initial indexing runs: the
    /// indexer may have read them before the change, so it leaves them alone.
    refreshed: Mutex<HashSet<String>>,
    /// Held while the index is filled from the disk in bulk (the initial indexing, a re-index
    /// after include, exclude or the size cap changed), so two never interleave.
    bulk: tokio::sync::Mutex<()>,
    /// Files larger than this are not indexed (`index.max_file_kb`; a log line says so).
    max_file_bytes: AtomicU64,
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace {
            corpus: RwLock::default(),
            open: Mutex::default(),
            folders: Mutex::default(),
            generation: AtomicU64::default(),
            refreshed: Mutex::default(),
            bulk: tokio::sync::Mutex::default(),
            max_file_bytes: AtomicU64::new(ConfigLayer::default().max_indexed_file_bytes()),
        }
    }
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("documents", &self.len())
            .finish()
    }
}

impl Workspace {
    pub fn read(&self) -> RwLockReadGuard<'_, Corpus> {
        self.corpus
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Corpus> {
        self.corpus
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Grows whenever files from the disk enter, change or leave the index.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Sets the size from which files are left out (for the next files read).
    pub fn set_max_file_bytes(&self, bytes: u64) {
        self.max_file_bytes.store(bytes, Ordering::SeqCst);
    }

    fn max_file_bytes(&self) -> u64 {
        self.max_file_bytes.load(Ordering::SeqCst)
    }

    pub fn set_folders(&self, folders: Vec<PathBuf>) {
        *lock(&self.folders) = folders;
    }

    pub fn folders(&self) -> Vec<PathBuf> {
        lock(&self.folders).clone()
    }

    /// From now on the editor owns the entry of `name` (its text is put in on the next check).
    pub fn mark_open(&self, name: &str) {
        lock(&self.open).insert(name.to_string());
    }

    /// The disk owns the entry of `name` again; call [`Workspace::refresh_uri`] to revert it.
    pub fn mark_closed(&self, name: &str) {
        lock(&self.open).remove(name);
    }

    fn is_open(&self, name: &str) -> bool {
        lock(&self.open).contains(name)
    }

    /// Puts an open document's current text in the index, unless it is there already (the
    /// same `Arc`) or the document was closed meanwhile. Only changed paragraphs are
    /// fingerprinted again.
    pub fn update_open(&self, name: &str, text: &Arc<str>, format: Format) {
        if !self.is_current(name, text) {
            self.update_open_parsed(name, text, &Document::parse(text, format));
        }
    }

    /// [`Workspace::update_open`] with the text already parsed (the check parses it anyway).
    pub fn update_open_parsed(&self, name: &str, text: &Arc<str>, doc: &Document<'_>) {
        if self.is_current(name, text) {
            return;
        }
        let mut corpus = self.write();
        if self.is_open(name) {
            corpus.insert_parsed(name, text.clone(), doc);
        }
    }

    /// Whether the index holds this very text for `name`.
    fn is_current(&self, name: &str, text: &Arc<str>) -> bool {
        self.read()
            .get(name)
            .is_some_and(|document| Arc::ptr_eq(&document.text, text))
    }

    /// The indexed text of a document, open or not.
    pub fn text_of(&self, name: &str) -> Option<Arc<str>> {
        self.read().get(name).map(|document| document.text.clone())
    }

    /// Forgets which files were refreshed during the initial indexing, once it is over.
    pub fn finish_indexing(&self) {
        lock(&self.refreshed).clear();
    }

    pub fn len(&self) -> usize {
        self.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.read().is_empty()
    }

    /// Reads, fingerprints (in parallel on all cores) and indexes files; open documents keep
    /// the editor's text. Returns how many files were indexed.
    pub fn index_files(&self, paths: &[PathBuf]) -> usize {
        let cap = self.max_file_bytes();
        let prepared: Vec<_> = paths
            .par_iter()
            .filter_map(|path| {
                let name = uri_name(path)?;
                match read_copy_file(path, cap) {
                    Ok(text) => Some(Corpus::prepare(&name, text, format_of(path))),
                    Err(skipped) => {
                        log_skipped(path, &skipped);
                        None
                    }
                }
            })
            .collect();
        let mut corpus = self.write();
        let refreshed = lock(&self.refreshed);
        let fresh: Vec<_> = prepared
            .into_iter()
            .filter(|document| {
                !self.is_open(document.name()) && !refreshed.contains(document.name())
            })
            .collect();
        let indexed = fresh.len();
        // This uses the rayon pool while holding the write lock: no pool task takes the lock.
        corpus.insert_batch(fresh);
        self.generation.fetch_add(1, Ordering::SeqCst);
        indexed
    }

    /// Makes the closed files in the index those of `paths` (the copy files the settings now
    /// allow) within the size cap: the others leave, and those not yet indexed are read and
    /// indexed. Returns whether the index changed.
    pub fn index_only(&self, paths: &[PathBuf]) -> bool {
        let named: Vec<(String, &PathBuf)> = paths
            .iter()
            .filter_map(|path| Some((uri_name(path)?, path)))
            .collect();
        let allowed: HashSet<&str> = named.iter().map(|(name, _)| name.as_str()).collect();
        let cap = self.max_file_bytes();
        let (leaving, missing) = {
            let corpus = self.read();
            let leaving: Vec<String> = corpus
                .documents()
                .filter(|document| {
                    let too_large = document.text.len() as u64 > cap;
                    (too_large || !allowed.contains(document.name.as_str()))
                        && !self.is_open(&document.name)
                })
                .map(|document| document.name.clone())
                .collect();
            let missing: Vec<PathBuf> = named
                .iter()
                .filter(|(name, _)| corpus.get(name).is_none())
                .map(|(_, path)| PathBuf::clone(path))
                .collect();
            (leaving, missing)
        };
        if !leaving.is_empty() {
            let mut corpus = self.write();
            for name in leaving.iter().filter(|name| !self.is_open(name)) {
                corpus.remove(name);
            }
            self.generation.fetch_add(1, Ordering::SeqCst);
        }
        let added = self.index_files(&missing);
        !leaving.is_empty() || added > 0
    }

    /// Makes the entry of a file that is not open match the disk: (re)indexed when it exists,
    /// is allowed by `filter` and readable, removed otherwise. Order-independent, so watched-file
    /// events handled out of order still end with the disk's state. Returns whether the index
    /// changed.
    pub fn refresh_uri(&self, uri: &Url, filter: &FileFilter) -> bool {
        let name = uri.as_str();
        if self.is_open(name) {
            return false;
        }
        let text = uri
            .to_file_path()
            .ok()
            .filter(|path| path.is_file() && filter.allows(path, is_copy_file(path)))
            .and_then(|path| match read_copy_file(&path, self.max_file_bytes()) {
                Ok(text) => Some((text, format_of(&path))),
                Err(skipped) => {
                    log_skipped(&path, &skipped);
                    None
                }
            });
        let mut corpus = self.write();
        if self.is_open(name) {
            return false;
        }
        lock(&self.refreshed).insert(name.to_string());
        match text {
            Some((text, format)) => {
                if corpus
                    .get(name)
                    .is_some_and(|document| document.text == text)
                {
                    return false;
                }
                corpus.insert(name, text, format);
                self.generation.fetch_add(1, Ordering::SeqCst);
                true
            }
            None if corpus.get(name).is_some() => {
                corpus.remove(name);
                self.generation.fetch_add(1, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }
}

/// The copy files under `folders` that `filter` allows: `.gitignore` and hidden files respected,
/// symlinks not followed (so nothing outside the folders is reached), sorted.
pub fn discover(folders: &[PathBuf], filter: &FileFilter) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in folders {
        for entry in ignore::WalkBuilder::new(folder)
            .follow_links(false)
            .build()
            .flatten()
        {
            let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
            if is_file && filter.allows(entry.path(), is_copy_file(entry.path())) {
                found.push(entry.into_path());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Whether a path has a copy extension (`.md`, `.markdown`, `.txt`).
pub fn is_copy_file(path: &Path) -> bool {
    crate::cli::is_copy_file(path)
}

/// The text of a file to index: at most `cap` bytes, not binary, UTF-8.
pub fn read_copy_file(path: &Path, cap: u64) -> Result<Arc<str>, Skipped> {
    let size = std::fs::metadata(path)
        .map_err(|error| Skipped::Unreadable(error.to_string()))?
        .len();
    if size > cap {
        return Err(Skipped::TooLarge { size, cap });
    }
    let bytes = std::fs::read(path).map_err(|error| Skipped::Unreadable(error.to_string()))?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Skipped::Binary);
    }
    String::from_utf8(bytes)
        .map(Arc::from)
        .map_err(|_| Skipped::NotUtf8)
}

fn log_skipped(path: &Path, skipped: &Skipped) {
    let path = path.display();
    match skipped {
        Skipped::TooLarge { size, cap } => tracing::info!(
            "not indexing {path}: {size} bytes is over the {cap}-byte cap (index.max_file_kb)"
        ),
        Skipped::Binary => tracing::info!("not indexing {path}: binary data"),
        Skipped::NotUtf8 => tracing::info!("not indexing {path}: not UTF-8 text"),
        Skipped::Unreadable(error) => tracing::info!("not indexing {path}: {error}"),
    }
}

fn uri_name(path: &Path) -> Option<String> {
    Url::from_file_path(path).ok().map(String::from)
}

fn format_of(path: &Path) -> Format {
    Format::from_path(&path.to_string_lossy())
}

/// Indexes the workspace folders in steps on blocking threads, reporting progress when the
/// client supports it. Returns the number of files indexed.
pub async fn index_workspace(client: Client, state: Arc<State>, report_progress: bool) -> usize {
    let started = Instant::now();
    let workspace = state.workspace.clone();
    let _bulk = workspace.bulk.lock().await;
    let folders = workspace.folders();
    let filter = state.config().files;
    let paths = tokio::task::spawn_blocking(move || discover(&folders, &filter))
        .await
        .unwrap_or_default();
    let progress = match report_progress {
        true => Reporter::start(client, paths.len()).await,
        false => None,
    };
    let mut indexed = 0;
    let mut done = 0;
    for step in paths.chunks(FILES_PER_STEP) {
        let step = step.to_vec();
        let workspace = workspace.clone();
        let count = step.len();
        indexed += tokio::task::spawn_blocking(move || workspace.index_files(&step))
            .await
            .unwrap_or(0);
        done += count;
        if let Some(progress) = &progress {
            progress.report(done, paths.len()).await;
        }
    }
    workspace.finish_indexing();
    if let Some(progress) = progress {
        progress.end(indexed).await;
    }
    tracing::info!(
        "indexed {indexed} of {} files in {} ms",
        paths.len(),
        started.elapsed().as_millis()
    );
    indexed
}

/// After include, exclude or the size cap changed: files they now leave out leave the index,
/// and files they now let in are indexed. Returns whether the index changed.
pub async fn reindex_workspace(state: Arc<State>) -> bool {
    let workspace = state.workspace.clone();
    let _bulk = workspace.bulk.lock().await;
    let folders = workspace.folders();
    let filter = state.config().files;
    let started = Instant::now();
    let indexing = workspace.clone();
    let changed = tokio::task::spawn_blocking(move || {
        let paths = discover(&folders, &filter);
        indexing.index_only(&paths)
    })
    .await
    .unwrap_or(false);
    tracing::info!(
        "re-indexed after include, exclude or the size cap changed in {} ms",
        started.elapsed().as_millis()
    );
    changed
}

/// `$/progress` for the initial indexing.
struct Reporter {
    client: Client,
    token: NumberOrString,
}

impl Reporter {
    /// Creates the token (the client may refuse: then no progress is sent) and sends `begin`.
    async fn start(client: Client, total: usize) -> Option<Reporter> {
        let token = NumberOrString::String(PROGRESS_TOKEN.to_string());
        let created = client
            .send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                token: token.clone(),
            })
            .await;
        if let Err(error) = created {
            tracing::info!("no indexing progress: the client refused the token: {error}");
            return None;
        }
        let reporter = Reporter { client, token };
        reporter
            .send(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: "Indexing copy".to_string(),
                cancellable: Some(false),
                message: Some(format!("0/{total} files")),
                percentage: Some(0),
            }))
            .await;
        Some(reporter)
    }

    async fn report(&self, done: usize, total: usize) {
        let percentage = (done * 100).checked_div(total).unwrap_or(100);
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: Some(false),
            message: Some(format!("{done}/{total} files")),
            percentage: Some(u32::try_from(percentage).unwrap_or(100)),
        }))
        .await;
    }

    async fn end(self, indexed: usize) {
        self.send(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(format!("{indexed} files indexed")),
        }))
        .await;
    }

    async fn send(&self, progress: WorkDoneProgress) {
        self.client
            .send_notification::<Progress>(ProgressParams {
                token: self.token.clone(),
                value: ProgressParamsValue::WorkDone(progress),
            })
            .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_folder(label: &str) -> PathBuf {
        let path =
            std::env::temp_dir().join(format!("copydesk-workspace-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        path.canonicalize().unwrap()
    }

    #[test]
    fn discovery_keeps_copy_files_and_skips_hidden_and_ignored_ones() {
        let root = temp_folder("discover");
        for (name, text) in [
            ("a.md", "A."),
            ("b.txt", "B."),
            ("c.rs", "fn c() {}"),
            (".hidden/d.md", "D."),
            ("ignored/e.md", "E."),
            ("news/f.markdown", "F."),
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::write(root.join(".ignore"), "ignored/\n").unwrap();
        let found: Vec<String> = discover(std::slice::from_ref(&root), &FileFilter::default())
            .iter()
            .map(|path| path.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(found, vec!["a.md", "b.txt", "news/f.markdown"]);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn indexing_only_the_allowed_files_drops_the_others_and_keeps_open_documents() {
        let root = temp_folder("only");
        let [a, b, open] = ["a.md", "b.md", "open.md"].map(|name| {
            let path = root.join(name);
            std::fs::write(&path, format!("The text of {name}.")).unwrap();
            path
        });
        let workspace = Workspace::default();
        assert_eq!(workspace.index_files(&[a.clone(), b.clone()]), 2);
        let open_name = uri_name(&open).unwrap();
        workspace.mark_open(&open_name);
        workspace.update_open(&open_name, &Arc::from("Typed."), Format::Markdown);
        let names = |workspace: &Workspace| -> Vec<String> {
            let mut names: Vec<String> = workspace
                .read()
                .documents()
                .map(|d| d.name.clone())
                .collect();
            names.sort();
            names
        };

        assert!(workspace.index_only(std::slice::from_ref(&b)));
        assert_eq!(
            names(&workspace),
            [uri_name(&b).unwrap(), open_name.clone()]
        );
        assert!(workspace.index_only(&[a.clone(), b.clone()]));
        assert_eq!(
            names(&workspace),
            [uri_name(&a).unwrap(), uri_name(&b).unwrap(), open_name]
        );
        assert!(!workspace.index_only(&[a, b]), "nothing left to change");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn files_over_the_size_cap_leave_the_index_and_come_back_when_it_is_raised() {
        let root = temp_folder("cap");
        let [small, large] = [("small.md", 100), ("large.md", 3000)].map(|(name, size)| {
            let path = root.join(name);
            std::fs::write(&path, "a".repeat(size)).unwrap();
            path
        });
        let paths = [small.clone(), large.clone()];
        let workspace = Workspace::default();
        assert_eq!(workspace.index_files(&paths), 2);
        let indexed = |workspace: &Workspace, path: &PathBuf| {
            workspace.read().get(&uri_name(path).unwrap()).is_some()
        };

        workspace.set_max_file_bytes(2048);
        assert!(workspace.index_only(&paths));
        assert!(indexed(&workspace, &small) && !indexed(&workspace, &large));
        workspace.set_max_file_bytes(4096);
        assert!(workspace.index_only(&paths));
        assert!(indexed(&workspace, &small) && indexed(&workspace, &large));
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn big_binary_and_invalid_files_are_skipped() {
        let root = temp_folder("skip");
        let big = root.join("big.txt");
        let cap = ConfigLayer::default().max_indexed_file_bytes();
        std::fs::write(&big, vec![b'a'; (cap + 1) as usize]).unwrap();
        let binary = root.join("binary.txt");
        std::fs::write(&binary, b"abc\0def").unwrap();
        let latin1 = root.join("latin1.txt");
        std::fs::write(&latin1, b"caf\xe9").unwrap();
        assert_eq!(
            read_copy_file(&big, cap),
            Err(Skipped::TooLarge { size: cap + 1, cap })
        );
        assert_eq!(read_copy_file(&binary, cap), Err(Skipped::Binary));
        assert_eq!(read_copy_file(&latin1, cap), Err(Skipped::NotUtf8));
        let workspace = Workspace::default();
        assert_eq!(workspace.index_files(&[big, binary, latin1]), 0);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn open_documents_override_the_disk_and_revert_on_close() {
        let root = temp_folder("open");
        let path = root.join("story.md");
        std::fs::write(&path, "On disk.").unwrap();
        let uri = Url::from_file_path(&path).unwrap();
        let workspace = Workspace::default();
        assert_eq!(workspace.index_files(std::slice::from_ref(&path)), 1);
        workspace.mark_open(uri.as_str());
        let edited: Arc<str> = Arc::from("In the editor.");
        workspace.update_open(uri.as_str(), &edited, Format::Markdown);
        assert_eq!(workspace.index_files(std::slice::from_ref(&path)), 0);
        assert!(!workspace.refresh_uri(&uri, &FileFilter::default()));
        assert_eq!(
            workspace.text_of(uri.as_str()).as_deref(),
            Some("In the editor.")
        );
        workspace.mark_closed(uri.as_str());
        assert!(workspace.refresh_uri(&uri, &FileFilter::default()));
        assert_eq!(workspace.text_of(uri.as_str()).as_deref(), Some("On disk."));
        std::fs::remove_file(&path).unwrap();
        assert!(workspace.refresh_uri(&uri, &FileFilter::default()));
        assert!(workspace.is_empty());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn files_refreshed_during_indexing_are_left_to_the_refresh() {
        let root = temp_folder("refreshed");
        let path = root.join("story.md");
        let uri = Url::from_file_path(&path).unwrap();
        // The watcher reported the file gone; the indexer had listed it before.
        let workspace = Workspace::default();
        assert!(!workspace.refresh_uri(&uri, &FileFilter::default()));
        std::fs::write(&path, "Back again.").unwrap();
        assert_eq!(workspace.index_files(std::slice::from_ref(&path)), 0);
        workspace.finish_indexing();
        assert_eq!(workspace.index_files(std::slice::from_ref(&path)), 1);
        let _ = std::fs::remove_dir_all(&root);
    }
}
