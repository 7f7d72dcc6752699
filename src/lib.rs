//! copydesk: checks news copy the way a copy desk does, as a language server and a CLI.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod sync;
