//! copydesk: checks news copy the way a copy desk does, as a language server and a CLI.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod sync;

/// The allocator of the server, the CLI, the tests and the benchmarks alike (see Cargo.toml).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options (read before `main`): a background thread hands freed memory back to the
/// system within about a second, even while the server waits for the next keystroke (a closed
/// 50 MB document must not stay resident), instead of only when the program next allocates.
#[cfg(target_os = "linux")]
#[export_name = "_rjem_malloc_conf"]
pub static JEMALLOC_OPTIONS: &u8 =
    &b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:1000\0"[0];
