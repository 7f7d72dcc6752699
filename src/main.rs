//! The `copydesk` command: `serve` runs the language server on stdio, `check` checks files and
//! folders for newsroom CI.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use copydesk::analysis::Severity;
use copydesk::cli::{self, CheckOptions, ColourChoice, OutputFormat};

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
    ///
    /// Settings come from the nearest copydesk.toml in each file's folder or above. Exit code:
    /// 0 clean, 1 findings at or above --severity, 2 unreadable files or an invalid
    /// copydesk.toml.
    Check {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        /// Output format: human text, a JSON array, or SARIF 2.1.0 for code scanning.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Print no findings and no summary; only errors, and the exit code.
        #[arg(long, short)]
        quiet: bool,
        /// The least severe finding that fails the run (exit code 1).
        #[arg(long, value_enum, default_value_t = SeverityArg::Hint)]
        severity: SeverityArg,
        /// Colour the human output: on a terminal without NO_COLOR (auto), always, or never.
        #[arg(long, value_enum, default_value_t = ColourArg::Auto)]
        color: ColourArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    #[value(alias = "information")]
    Info,
    Hint,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColourArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Serve { stdio: _ } => serve(),
        Command::Check {
            paths,
            format,
            quiet,
            severity,
            color,
        } => {
            let options = CheckOptions {
                paths,
                format: output_format(format),
                quiet,
                fail_at: fail_at(severity),
                colour: colour(color),
            };
            ExitCode::from(cli::check(&options))
        }
    }
}

fn output_format(format: FormatArg) -> OutputFormat {
    match format {
        FormatArg::Human => OutputFormat::Human,
        FormatArg::Json => OutputFormat::Json,
        FormatArg::Sarif => OutputFormat::Sarif,
    }
}

fn fail_at(severity: SeverityArg) -> Severity {
    match severity {
        SeverityArg::Error => Severity::Error,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Info => Severity::Information,
        SeverityArg::Hint => Severity::Hint,
    }
}

fn colour(choice: ColourArg) -> ColourChoice {
    match choice {
        ColourArg::Auto => ColourChoice::Auto,
        ColourArg::Always => ColourChoice::Always,
        ColourArg::Never => ColourChoice::Never,
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
