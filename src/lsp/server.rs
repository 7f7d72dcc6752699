//! The `LanguageServer` implementation. Handlers route to the modules that do the work; document
//! edits are already applied (in arrival order) by the time a handler runs.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::code_actions::{self, fix_all_kind};
use super::config::ServerConfig;
use super::diagnostics::to_diagnostic;
use super::hover;
use super::position::Encoding;
use super::state::{ClientFlags, State};

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
        if self.state.flags().pull_diagnostics {
            return;
        }
        let ticket = self.state.next_ticket(&uri);
        let state = self.state.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            if !state.is_latest_ticket(&uri, ticket) {
                return;
            }
            let Some(analysed) = state.analysed(&uri).await else {
                return;
            };
            if state.version_of(&uri) != Some(analysed.version)
                || !state.is_latest_ticket(&uri, ticket)
            {
                return;
            }
            let encoding = state.encoding();
            let diagnostics = analysed
                .findings
                .iter()
                .map(|finding| {
                    to_diagnostic(&uri, &analysed.rope, finding, encoding, state.as_ref())
                })
                .collect();
            client
                .publish_diagnostics(uri, diagnostics, Some(analysed.version))
                .await;
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
        let (config, warnings) = ServerConfig::from_json(value);
        self.state.set_config(config);
        if !warnings.is_empty() {
            let client = self.client.clone();
            let message = format!("copydesk settings: {}", warnings.join("; "));
            tokio::spawn(async move { client.show_message(MessageType::WARNING, message).await });
        }
    }

    /// Asks the client for the `copydesk` section (spawned, never awaited inside a handler).
    fn pull_settings(&self) {
        let client = self.client.clone();
        let state = self.state.clone();
        let backend = Backend::new(self.client.clone(), state);
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("copydesk".to_string()),
            };
            if let Ok(mut values) = client.configuration(vec![item]).await {
                if let Some(value) = values.pop().filter(|v| !v.is_null()) {
                    backend.apply_settings(&value);
                    backend.recheck_others(None, Duration::ZERO);
                }
            }
        });
    }
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
        if self.state.flags().configuration_pull {
            self.pull_settings();
        }
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

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.forget_tickets(&uri);
        if !self.state.flags().pull_diagnostics {
            self.client
                .publish_diagnostics(uri.clone(), Vec::new(), None)
                .await;
        }
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
        ))
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
        let items = match self.state.analysed(&uri).await {
            Some(analysed) => {
                let encoding = self.state.encoding();
                analysed
                    .findings
                    .iter()
                    .map(|finding| {
                        to_diagnostic(&uri, &analysed.rope, finding, encoding, self.state.as_ref())
                    })
                    .collect()
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
