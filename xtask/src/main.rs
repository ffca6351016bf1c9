//! Benchmate's automation: `cargo xtask run | test | size | bench | screenshot`.
//!
//! Each command installs what it needs (pinned tools, Debian's Chromium), so the README's two
//! commands work on a fresh machine with only Rust installed. Tools go to `~/.cargo/bin` and
//! `~/.cache/benchmate/tools`, so a second run, or CI on the same machine, reuses them.

mod bench;
mod dist;
mod postgres;
mod proc;
mod pwa;
mod run;
mod screenshot;
mod size;
mod split;
mod sync_bench;
mod test;
#[cfg(test)]
mod tidy;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  run         Install what is missing, build the app (release) and serve it with an embedded
              SQLite database on http://127.0.0.1:8080 (data in ./data). Ctrl-C stops it.
  test        Install what is missing and run every check: formatting, clippy, native tests,
              the server tests again against a throwaway PostgreSQL 15, browser tests
              (headless Chromium), end-to-end tests against the real server.
  server-test Only the server's tests: on SQLite, then on a throwaway PostgreSQL 15.
  e2e [NAME]  Only the end-to-end tests (files whose name contains NAME), against the
              release app and the real server.
  size        Build the app and an empty Leptos app with the same profile and print the
              compressed bytes of everything each downloads on a first visit.
  bench [server] [--load-seconds N]
              Measure offline cold start (the service worker serving, the server stopped),
              Benchmate beside the empty Leptos app, median of 10 runs; the local store and
              search in the browser; then the server's sync: push and pull of 10,000 through
              the HTTP handlers against a plain batched INSERT, and a load test of 200
              clients for N seconds (default 30), each on SQLite and a throwaway PostgreSQL 15.
              `server` runs only the sync benchmarks (no browser, no app build).
  screenshot  Write docs/screenshot.png: the app on a phone-sized screen.

Environment: CHROMIUM and CHROMEDRIVER override /usr/bin/chromium and /usr/bin/chromedriver;
BENCHMATE_TOOLS overrides the tools folder (~/.cache/benchmate/tools); BENCHMATE_PG_BIN the
PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") => test::test(),
        Some("e2e") => test::e2e(args.get(1).map(String::as_str)),
        Some("server-test") => test::server_test(),
        Some("size") => size::size(),
        Some("bench") => bench::bench(&args[1..]),
        Some("screenshot") => screenshot::screenshot(),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the folder above `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// Prints a step heading, so a long log shows where it is.
pub fn step(what: &str) {
    println!("\n==> {what}");
}
