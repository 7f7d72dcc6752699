//! The `copydesk` command: `serve` runs the language server on stdio, `check` checks files and
//! folders for newsroom CI.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use copydesk::cli::{self, OutputFormat};

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Checks news copy the way a copy desk does"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout (LSP 3.17).
    Serve {
        /// Accepted for editors that pass it (VS Code does); stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check Markdown and text files, or folders of them; `-` reads standard input.
    Check {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Serve { stdio: _ } => serve(),
        Command::Check { paths, format } => {
            let format = match format {
                FormatArg::Human => OutputFormat::Human,
                FormatArg::Json => OutputFormat::Json,
            };
            ExitCode::from(cli::check(&paths, format))
        }
    }
}

fn serve() -> ExitCode {
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("copydesk: cannot start the async runtime: {error}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(copydesk::lsp::serve_stdio());
    // The client closed stdin. tower-lsp may leave tasks behind; end the process now.
    std::process::exit(0);
}

/// Logs go to stderr only (stdout carries the protocol); the level comes from `COPYDESK_LOG`.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
}
