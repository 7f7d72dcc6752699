//! The `LanguageServer` implementation. Handlers route to the modules that do the work; document
//! edits are already applied (in arrival order) by the time a handler runs.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::code_actions::{self, fix_all_kind};
use super::config::{editor_layer, FileReload, ServerConfig};
use super::diagnostics::to_diagnostics;
use super::hover;
use super::navigation;
use super::position::Encoding;
use super::state::{ClientFlags, State};
use super::workspace;

/// Publishes a document's diagnostics. Serving stdio, they go straight to the output: tower-lsp
/// would make a JSON tree of them, then text, and pass the text through its own stream, which
/// for a story's hundreds of diagnostics cost milliseconds on every edit (BENCHMARKS.md, round
/// 13). Every publish takes the same path, so they reach the client in the order made.
async fn publish(
    client: &Client,
    state: &State,
    uri: Url,
    diagnostics: Vec<Diagnostic>,
    version: Option<i32>,
) {
    match state.output() {
        Some(output) => output.notify::<notification::PublishDiagnostics>(
            &PublishDiagnosticsParams::new(uri, diagnostics, version),
        ),
        None => client.publish_diagnostics(uri, diagnostics, version).await,
    }
}

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, state: Arc<State>) -> Backend {
        Backend { client, state }
    }

    /// Checks `uri` after the debounce, unless another edit arrives first, and publishes the
    /// result if the document is still at the checked version.
    fn schedule_check(&self, uri: Url, delay: Duration) {
        // copydesk.toml is not copy: its diagnostics say what is wrong with the settings.
        if self.state.flags().pull_diagnostics || self.state.is_config_file(&uri) {
            return;
        }
        let ticket = self.state.next_ticket(&uri);
        let state = self.state.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            // Even a zero sleep waits for the timer's next millisecond tick.
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            if !state.is_latest_ticket(&uri, ticket) {
                return;
            }
            let started = std::time::Instant::now();
            let Some(analysed) = state.analysed_in_own_task(&uri).await else {
                return;
            };
            if state.version_of(&uri) != Some(analysed.version)
                || !state.is_latest_ticket(&uri, ticket)
            {
                return;
            }
            let encoding = state.encoding();
            let diagnostics = to_diagnostics(
                &uri,
                analysed.text.clone(),
                &analysed.findings,
                encoding,
                state.as_ref(),
            );
            // The benchmarks' latency harness reads this line (see BENCHMARKS.md).
            tracing::debug!(
                "checked {uri} version {} in {} us",
                analysed.version,
                started.elapsed().as_micros()
            );
            publish(&client, &state, uri, diagnostics, Some(analysed.version)).await;
        });
    }

    /// Re-checks every open document: after settings change, or when one document's edit may
    /// change cross-document duplicates in the others.
    fn recheck_others(&self, changed: Option<&Url>, delay: Duration) {
        let flags = self.state.flags();
        if flags.pull_diagnostics {
            if flags.diagnostic_refresh {
                let client = self.client.clone();
                // Spawned: awaiting a client request inside a handler can deadlock tower-lsp.
                tokio::spawn(async move {
                    let _ = client.workspace_diagnostic_refresh().await;
                });
            }
            return;
        }
        for uri in self.state.open_uris() {
            if Some(&uri) != changed {
                self.schedule_check(uri, delay);
            }
        }
    }

    fn apply_settings(&self, value: &Value) {
        let (layer, warnings) = editor_layer(value);
        let before = self.state.config();
        self.state.set_editor_layer(layer);
        self.reindex_if_indexed_files_changed(&before);
        if !warnings.is_empty() {
            let client = self.client.clone();
            let message = format!("copydesk settings: {}", warnings.join("; "));
            tokio::spawn(async move { client.show_message(MessageType::WARNING, message).await });
        }
    }

    /// Asks the client for the `copydesk` section (spawned, never awaited inside a handler).
    /// Settings the client sent after the request are newer than its answer, which is then
    /// dropped.
    fn pull_settings(&self) {
        let client = self.client.clone();
        let state = self.state.clone();
        let asked_at = state.editor_settings_generation();
        let backend = Backend::new(self.client.clone(), state);
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".to_string()),
            };
            if let Ok(mut values) = client.configuration(vec![item]).await {
                let current = backend.state.editor_settings_generation() == asked_at;
                if let Some(value) = values.pop().filter(|v| !v.is_null() && current) {
                    backend.apply_settings(&value);
                    backend.recheck_others(None, Duration::ZERO);
                }
            }
        });
    }

    /// Reads `copydesk.toml` again, says what is wrong with it if anything, and re-checks the
    /// open documents with the settings now in force.
    fn reload_config_file(&self) {
        let before = self.state.config();
        let outcome = self.state.reload_config_file();
        self.report_config_file(&outcome);
        self.recheck_others(None, Duration::ZERO);
        self.reindex_if_indexed_files_changed(&before);
    }

    /// Re-indexes the workspace in the background when the settings now let in or leave out
    /// other files than `before` did (include, exclude, the size cap), and re-checks the open
    /// documents if that changed the index.
    fn reindex_if_indexed_files_changed(&self, before: &ServerConfig) {
        let now = self.state.config();
        if now.files == before.files && now.max_indexed_file_bytes == before.max_indexed_file_bytes
        {
            return;
        }
        let backend = Backend::new(self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            if workspace::reindex_workspace(backend.state.clone()).await {
                backend.state.invalidate_results();
                backend.recheck_others(None, Duration::ZERO);
            }
        });
    }

    /// A warning and a diagnostic on `copydesk.toml` while it is invalid; no diagnostics once
    /// it is valid or gone.
    fn report_config_file(&self, outcome: &FileReload) {
        let Some(uri) = self.state.config_file_uri() else {
            return;
        };
        let client = self.client.clone();
        let state = self.state.clone();
        let encoding = self.state.encoding();
        let problem = match outcome {
            FileReload::Invalid(problem) => Some(problem.clone()),
            FileReload::Loaded | FileReload::Missing => None,
        };
        tokio::spawn(async move {
            let diagnostics = match problem {
                Some(problem) => {
                    tracing::warn!("{}", problem.message());
                    client
                        .show_message(MessageType::WARNING, problem.message())
                        .await;
                    vec![problem.diagnostic(encoding)]
                }
                None => Vec::new(),
            };
            publish(&client, &state, uri, diagnostics, None).await;
        });
    }

    /// Indexes the workspace folders in the background (the server keeps answering), then
    /// re-checks the open documents against the whole workspace.
    fn index_workspace(&self, report_progress: bool) {
        let backend = Backend::new(self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            let client = backend.client.clone();
            let state = backend.state.clone();
            workspace::index_workspace(client, state, report_progress).await;
            backend.state.invalidate_results();
            backend.recheck_others(None, Duration::ZERO);
        });
    }

    /// Makes the index entries of these (closed) files match the disk, off the runtime, and
    /// re-checks the open documents if anything changed.
    fn refresh_from_disk(&self, uris: Vec<Url>) {
        if uris.is_empty() {
            return;
        }
        let backend = Backend::new(self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            let state = backend.state.clone();
            let changed = tokio::task::spawn_blocking(move || {
                let filter = state.config().files;
                let mut changed = false;
                for uri in &uris {
                    changed |= state.workspace.refresh_uri(uri, &filter);
                }
                changed
            })
            .await
            .unwrap_or(false);
            if changed {
                backend.state.invalidate_results();
                backend.recheck_others(None, backend.state.config().debounce);
            }
        });
    }

    /// Asks the client to tell us when `copydesk.toml` or a copy file changes on disk (spawned:
    /// awaiting a client request inside a handler can deadlock tower-lsp).
    fn watch_config_file(&self) {
        let client = self.client.clone();
        let watchers = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
                    kind: None,
                },
                // Copy files, for the workspace index.
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.{md,markdown,txt}".to_string()),
                    kind: None,
                },
            ],
        };
        let registration = Registration {
            id: "copydesk-config-file".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(watchers).ok(),
        };
        tokio::spawn(async move {
            if let Err(error) = client.register_capability(vec![registration]).await {
                tracing::warn!("could not watch copydesk.toml: {error}");
            }
        });
    }

    /// For clients that cannot register file watchers: reads `copydesk.toml` now and then and
    /// reloads it when its bytes changed (a few hundred bytes; cheap).
    fn poll_config_file(&self) {
        if self.state.config_file_uri().is_none() {
            return;
        }
        let backend = Backend::new(self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(CONFIG_POLL_INTERVAL);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                let state = backend.state.clone();
                let changed = tokio::task::spawn_blocking(move || state.config_file_changed())
                    .await
                    .unwrap_or(false);
                if changed {
                    backend.reload_config_file();
                }
            }
        });
    }
}

/// How often `copydesk.toml` is looked at when the client cannot watch files for us.
const CONFIG_POLL_INTERVAL: Duration = Duration::from_secs(1);

/// The workspace root: the first workspace folder, else `rootUri`, else `rootPath`.
fn workspace_root(params: &InitializeParams) -> Option<std::path::PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| folder.uri.clone());
    if let Some(uri) = folder.or_else(|| params.root_uri.clone()) {
        return uri.to_file_path().ok();
    }
    #[allow(deprecated)]
    params.root_path.as_ref().map(std::path::PathBuf::from)
}

fn client_flags(capabilities: &ClientCapabilities) -> ClientFlags {
    let text = capabilities.text_document.as_ref();
    let workspace = capabilities.workspace.as_ref();
    ClientFlags {
        pull_diagnostics: text.and_then(|t| t.diagnostic.as_ref()).is_some(),
        diagnostic_refresh: workspace
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        configuration_pull: workspace.and_then(|w| w.configuration).unwrap_or(false),
        watch_files: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
        work_done_progress: capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
    }
}

/// The folders whose copy files are indexed: every workspace folder, else the root.
fn workspace_folders(params: &InitializeParams) -> Vec<std::path::PathBuf> {
    let folders: Vec<std::path::PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|folder| folder.uri.to_file_path().ok())
        .collect();
    if folders.is_empty() {
        workspace_root(params).into_iter().collect()
    } else {
        folders
    }
}

fn server_capabilities(encoding: Encoding, flags: ClientFlags) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        diagnostic_provider: flags.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("copydesk".to_string()),
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                ..DiagnosticOptions::default()
            })
        }),
        ..ServerCapabilities::default()
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref());
        let encoding = Encoding::negotiate(offered);
        let flags = client_flags(&params.capabilities);
        self.state.set_encoding(encoding);
        self.state.set_flags(flags);
        self.state.set_root(workspace_root(&params));
        self.state.workspace.set_folders(workspace_folders(&params));
        self.state.reload_config_file();
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options);
        }
        Ok(InitializeResult {
            capabilities: server_capabilities(encoding, flags),
            server_info: Some(ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let flags = self.state.flags();
        if let Some(problem) = self.state.config_problem() {
            self.report_config_file(&FileReload::Invalid(problem));
        }
        if flags.watch_files {
            self.watch_config_file();
        } else {
            self.poll_config_file();
        }
        if flags.configuration_pull {
            self.pull_settings();
        }
        self.index_workspace(flags.work_done_progress);
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.schedule_check(params.text_document.uri.clone(), Duration::ZERO);
        self.recheck_others(
            Some(&params.text_document.uri),
            self.state.config().debounce,
        );
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let debounce = self.state.config().debounce;
        self.schedule_check(params.text_document.uri.clone(), debounce);
        self.recheck_others(Some(&params.text_document.uri), debounce * 3);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        // Clients that cannot watch files still tell us when copydesk.toml is saved.
        if self.state.is_config_file(&params.text_document.uri) {
            self.reload_config_file();
        } else {
            // Nothing changes while the document is open; kept for clients that close first.
            self.refresh_from_disk(vec![params.text_document.uri]);
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .any(|change| self.state.is_config_file(&change.uri));
        if config_changed {
            self.reload_config_file();
        }
        let copy_files = params
            .changes
            .into_iter()
            .map(|change| change.uri)
            .filter(|uri| !self.state.is_config_file(uri))
            .filter(|uri| workspace::is_copy_file(std::path::Path::new(uri.path())))
            .collect();
        self.refresh_from_disk(copy_files);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.forget_tickets(&uri);
        if !self.state.flags().pull_diagnostics {
            publish(&self.client, &self.state, uri.clone(), Vec::new(), None).await;
        }
        // Back to the file on disk (or out of the index), then the others are re-checked.
        self.refresh_from_disk(vec![uri.clone()]);
        self.recheck_others(Some(&uri), self.state.config().debounce);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if params.settings.is_null() || params.settings.get("copydesk").is_some_and(Value::is_null)
        {
            if self.state.flags().configuration_pull {
                self.pull_settings();
            }
            return;
        }
        self.apply_settings(&params.settings);
        self.recheck_others(None, Duration::ZERO);
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let Some(analysed) = self.state.analysed(&position.text_document.uri).await else {
            return Ok(None);
        };
        Ok(hover::hover(
            &analysed,
            position.position,
            self.state.encoding(),
            &self.state.config().analysis,
        ))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let Some(analysed) = self.state.analysed(&at.text_document.uri).await else {
            return Ok(None);
        };
        let location = navigation::definition(
            &analysed,
            &at.text_document.uri,
            at.position,
            self.state.encoding(),
            &self.state.config().analysis,
        );
        Ok(location.map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let Some(analysed) = self.state.analysed(&at.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(navigation::references(
            &analysed,
            &at.text_document.uri,
            at.position,
            params.context.include_declaration,
            self.state.encoding(),
            &self.state.config().analysis,
        )))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        let Some(analysed) = self.state.analysed(&at.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(navigation::highlights(
            &analysed,
            at.position,
            self.state.encoding(),
            &self.state.config().analysis,
        )))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some(analysed) = self.state.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(navigation::prepare_rename(
            &analysed,
            params.position,
            self.state.encoding(),
            &self.state.config().analysis,
        ))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let Some(analysed) = self.state.analysed(&at.text_document.uri).await else {
            return Ok(None);
        };
        Ok(navigation::rename(
            &analysed,
            &at.text_document.uri,
            at.position,
            &params.new_name,
            self.state.encoding(),
            &self.state.config().analysis,
        ))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(analysed) = self.state.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(Some(DocumentSymbolResponse::Nested(
            navigation::document_symbols(
                &analysed,
                self.state.encoding(),
                &self.state.config().analysis,
            ),
        )))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let Some(analysed) = self.state.analysed(&params.text_document.uri).await else {
            return Ok(None);
        };
        let actions = code_actions::code_actions(
            &params,
            &analysed,
            self.state.encoding(),
            self.state.as_ref(),
        );
        Ok(Some(actions))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let config_problem = self
            .state
            .config_problem()
            .filter(|_| self.state.is_config_file(&uri));
        let items = match self.state.analysed(&uri).await {
            _ if self.state.is_config_file(&uri) => config_problem
                .map(|problem| vec![problem.diagnostic(self.state.encoding())])
                .unwrap_or_default(),
            Some(analysed) => {
                let encoding = self.state.encoding();
                to_diagnostics(
                    &uri,
                    analysed.text.clone(),
                    &analysed.findings,
                    encoding,
                    self.state.as_ref(),
                )
            }
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }
}
