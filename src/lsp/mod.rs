//! The language server: the only code that knows LSP. `serve_stdio` wires tower-lsp to stdio
//! with a layer that applies document edits in arrival order.

pub mod code_actions;
pub mod config;
pub mod diagnostics;
pub mod hover;
pub mod navigation;
pub mod position;
pub mod server;
pub mod state;
pub mod store;
pub mod transport;
pub mod workspace;

use std::sync::Arc;

use tower::ServiceBuilder;
use tower_lsp::jsonrpc::Request;
use tower_lsp::{LspService, Server};

use server::Backend;
use state::State;

/// Serves LSP on stdin/stdout until the client exits or goes away.
pub async fn serve_stdio() {
    let (output, messages) = tokio::sync::mpsc::unbounded_channel();
    let state = Arc::new(State::default());
    state.set_output(transport::Output::new(&output));
    let (service, socket) = LspService::new({
        let state = state.clone();
        move |client| Backend::new(client, state)
    });
    // tower-lsp runs up to four handlers at once, so edits must be applied here, synchronously,
    // as each message is read, not inside the (reorderable) handlers.
    let ordered = ServiceBuilder::new()
        .map_request(move |request: Request| {
            let request = state::drop_null_params(request);
            state.sync_in_order(&request);
            request
        })
        .service(service);
    let (client_end, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, output_end) = tokio::io::duplex(1 << 16);
    tokio::spawn(transport::pump_input(
        tokio::io::stdin(),
        client_end,
        output.clone(),
    ));
    tokio::spawn(transport::pump_output(output_end, output));
    let writer = tokio::spawn(transport::write_output(tokio::io::stdout(), messages));
    Server::new(server_input, server_output, socket)
        .serve(ordered)
        .await;
    // Let the last responses reach stdout before the process ends.
    let _ = tokio::time::timeout(std::time::Duration::from_millis(200), writer).await;
}
