//! The protocol-level harness (`harness = false`): drives `copydesk serve` and `copydesk check`
//! as the editor and CI do, on generated workspaces of 500, 5,000 (and, on request, 20,000)
//! articles, and prints: `copydesk check` throughput, indexing time, resident memory, and the
//! server's compute time from a one-character edit to published diagnostics.
//!
//! Run: `cargo bench --bench workspace` (sizes: `COPYDESK_BENCH_ARTICLES=500,5000,20000`;
//! edits per size: `COPYDESK_BENCH_EDITS=200`; `COPYDESK_BENCH_KEEP=<folder>` also writes each
//! generated workspace there, to profile by hand; `COPYDESK_BENCH_CORPUS=stress` uses the
//! generator's template-heavy stress corpus instead of the realistic one;
//! `COPYDESK_BENCH_PAUSE_MS=100` waits that long before each edit, as a typist does, instead of
//! sending it as soon as the last diagnostics arrive).
//!
//! Method for the edit latency: the client sets `debounceMs: 0` and logs at debug level; the
//! server logs `checked <uri> version <v> in <n> us` for each published check (time from the
//! start of the check, including the index update and the lock wait, to the diagnostics being
//! ready; the debounce is not included). The client-side round trip (edit sent to diagnostics
//! received, including JSON and pipes) is printed next to it.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/generator.rs"]
mod generator;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{Server, TempDir};
use serde_json::json;

fn main() {
    // `cargo bench` passes `--bench`; this harness takes no other arguments.
    let sizes: Vec<usize> = std::env::var("COPYDESK_BENCH_ARTICLES")
        .unwrap_or_else(|_| "500,5000".to_string())
        .split(',')
        .filter_map(|size| size.trim().parse().ok())
        .collect();
    let edits: usize = std::env::var("COPYDESK_BENCH_EDITS")
        .ok()
        .and_then(|edits| edits.parse().ok())
        .unwrap_or(200);
    let style = generator::Style::from_env();
    println!("corpus: {}", style.name());
    println!(
        "| articles | MB | check s | check MB/s | index s | RSS before MB | RSS after MB | peak RSS MB | KB per article | edit p50 ms | edit p95 ms | round trip p50 ms | round trip p95 ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for articles in sizes {
        run(articles, edits, style);
    }
}

fn run(articles: usize, edits: usize, style: generator::Style) {
    let root = TempDir::new(&format!("bench-{articles}"));
    let bytes = generator::write_workspace(&root.path, articles, style);
    // To profile `copydesk check` by hand: keep a copy of the generated workspace.
    if let Ok(keep) = std::env::var("COPYDESK_BENCH_KEEP") {
        let keep = std::path::Path::new(&keep).join(articles.to_string());
        generator::write_workspace(&keep, articles, style);
    }
    let megabytes = bytes as f64 / 1e6;

    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--quiet"])
        .arg(&root.path)
        .status()
        .expect("run copydesk check");
    let check_seconds = started.elapsed().as_secs_f64();
    assert!(status.code().is_some_and(|code| code <= 1), "{status}");

    let log = std::env::temp_dir().join(format!("copydesk-bench-{articles}.log"));
    let mut server = Server::spawn_with_log(&[("COPYDESK_LOG", "copydesk=debug")], &log);
    let pid = server.pid();
    server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root.uri(""),
            "capabilities": {"window": {"workDoneProgress": true}},
            "initializationOptions": {"debounceMs": 0},
        }),
    );
    let rss_before = memory(pid, "VmRSS:");
    let started = Instant::now();
    server.notify("initialized", json!({}));
    loop {
        let progress = server
            .wait_for(|m| m["method"] == "$/progress")
            .expect("indexing progress");
        if progress["params"]["value"]["kind"] == "end" {
            break;
        }
    }
    let index_seconds = started.elapsed().as_secs_f64();
    let rss_after = memory(pid, "VmRSS:");
    let peak = memory(pid, "VmHWM:");

    let draft = root.uri("draft.md");
    let text = generator::document_in(style, 10_000, 3);
    server.open(&draft, "markdown", &text);
    server.diagnostics_for_version(&draft, 1);
    let line = text.lines().count() / 2;
    let mut round_trips = Vec::new();
    let pause = Duration::from_millis(
        std::env::var("COPYDESK_BENCH_PAUSE_MS")
            .ok()
            .and_then(|pause| pause.parse().ok())
            .unwrap_or(0),
    );
    for edit in 0..edits {
        std::thread::sleep(pause);
        let version = edit as i64 + 2;
        // Type one character at the start of a middle line, then take it back.
        let change = if edit.is_multiple_of(2) {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"})
        } else {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""})
        };
        let sent = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": draft, "version": version}, "contentChanges": [change]}),
        );
        server.diagnostics_for_version(&draft, version);
        round_trips.push(sent.elapsed());
    }
    server.shutdown_and_exit();
    let computes = server_compute_times(&log, &draft);
    let _ = std::fs::remove_file(&log);
    println!(
        "| {articles} | {megabytes:.1} | {check_seconds:.2} | {:.0} | {index_seconds:.2} | {:.0} | {:.0} | {:.0} | {:.1} | {:.2} | {:.2} | {:.2} | {:.2} |",
        megabytes / check_seconds,
        rss_before / 1024.0,
        rss_after / 1024.0,
        peak / 1024.0,
        (rss_after - rss_before) / articles as f64,
        percentile(&computes, 0.5),
        percentile(&computes, 0.95),
        percentile(&round_trips, 0.5),
        percentile(&round_trips, 0.95),
    );
}

/// A `/proc/<pid>/status` field in KB.
fn memory(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|line| line.starts_with(field))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0.0)
}

/// The server's compute time of every check of `uri` after the first version (the edits).
fn server_compute_times(log: &std::path::Path, uri: &str) -> Vec<Duration> {
    let log = std::fs::read_to_string(log).unwrap_or_default();
    let marker = format!("checked {uri} version ");
    log.lines()
        .filter_map(|line| {
            let rest = &line[line.find(&marker)? + marker.len()..];
            let (version, rest) = rest.split_once(" in ")?;
            let micros: u64 = rest.strip_suffix(" us")?.parse().ok()?;
            (version.parse::<i64>().ok()? >= 2).then_some(Duration::from_micros(micros))
        })
        .collect()
}

/// In milliseconds.
fn percentile(samples: &[Duration], share: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = ((sorted.len() - 1) as f64 * share).round() as usize;
    sorted[at].as_secs_f64() * 1e3
}
