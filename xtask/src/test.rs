//! `cargo xtask test`: every check CI runs, in the order that fails fastest.

use crate::proc;
use crate::run::target_dir;

pub fn test() -> Result<(), String> {
    let root = crate::root();
    let tools = crate::tools::ensure_build_tools()?;
    let (chromium, chromedriver) = crate::tools::ensure_browser()?;

    crate::step("Formatting");
    proc::run(proc::cmd("cargo", &root).args(["fmt", "--all", "--", "--check"]))?;

    crate::step("Clippy, native and wasm (warnings are errors)");
    proc::run(proc::cmd("cargo", &root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    proc::run(proc::cmd("cargo", &root).args([
        "clippy",
        "-p",
        "benchmate-app",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The release build's own configuration: the sections as split points (src/sections/).
    proc::run(proc::cmd("cargo", &root).args([
        "clippy",
        "-p",
        "benchmate-app",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "split",
        "--",
        "-D",
        "warnings",
    ]))?;

    crate::step("Native tests: core, server (on SQLite), xtask (tidy)");
    proc::run(
        proc::cmd("cargo", &root)
            .args(["test", "--workspace"])
            .env_remove("BENCHMATE_TEST_POSTGRES"),
    )?;

    server_tests_on_postgres(&root)?;

    crate::step("Browser tests of the app (wasm-bindgen-test in headless Chromium)");
    proc::run(
        tools
            .cmd("cargo", &root)
            .args(["test", "-p", "benchmate-app", "--target", "wasm32-unknown-unknown"])
            .env("CHROMEDRIVER", &chromedriver),
    )?;

    end_to_end(&tools, &chromium, None)?;
    println!("\nAll checks passed.");
    Ok(())
}

/// `cargo xtask server-test`: the server's tests on SQLite, then on PostgreSQL.
pub fn server_test() -> Result<(), String> {
    let root = crate::root();
    crate::step("Server tests on SQLite");
    proc::run(
        proc::cmd("cargo", &root)
            .args(["test", "-p", "benchmate-server"])
            .env_remove("BENCHMATE_TEST_POSTGRES"),
    )?;
    server_tests_on_postgres(&root)
}

/// The server's tests again, on a throwaway PostgreSQL 15 (each test makes its own
/// database on it). Without PostgreSQL this says so and goes on, but under `CI` it fails.
fn server_tests_on_postgres(root: &std::path::Path) -> Result<(), String> {
    crate::step("Server tests against a throwaway PostgreSQL 15");
    let bin = match crate::postgres::ensure_binaries() {
        Ok(bin) => bin,
        Err(reason) if std::env::var_os("CI").is_some() => return Err(reason),
        Err(reason) => {
            println!("SKIPPED the PostgreSQL half of the server tests: {reason}");
            return Ok(());
        }
    };
    let cluster = crate::postgres::Throwaway::start(&bin)?;
    proc::run(
        proc::cmd("cargo", root)
            .args(["test", "-p", "benchmate-server"])
            // Not DATABASE_URL: sqlx's macros rebuild the crate whenever that variable changes.
            .env("BENCHMATE_TEST_POSTGRES", &cluster.url),
    )
}

/// `cargo xtask e2e [NAME]`: only the end-to-end tests (those whose file name contains NAME).
pub fn e2e(filter: Option<&str>) -> Result<(), String> {
    let tools = crate::tools::ensure_build_tools()?;
    let (chromium, _) = crate::tools::ensure_browser()?;
    end_to_end(&tools, &chromium, filter)
}

/// Builds the release app and the server, then runs the e2e tests against them.
fn end_to_end(tools: &crate::tools::Tools, chromium: &std::path::Path, filter: Option<&str>) -> Result<(), String> {
    let root = crate::root();
    crate::dist::build_app(tools)?;
    crate::step("Building the server for the end-to-end tests");
    proc::run(proc::cmd("cargo", &root).args(["build", "-p", "benchmate-server"]))?;

    crate::step("End-to-end tests: the real server and the release app in headless Chromium");
    let mut e2e: Vec<String> = crate::pwa::list_files(&root.join("tests/e2e"))?
        .into_iter()
        .filter(|f| f.ends_with(".test.cjs") && filter.is_none_or(|name| f.contains(name)))
        .map(|f| format!("tests/e2e/{f}"))
        .collect();
    if e2e.is_empty() {
        return Err(format!("no end-to-end test file matches {filter:?}"));
    }
    e2e.sort();
    proc::run(
        tools
            .cmd("node", &root)
            .arg("--test")
            .arg("--test-concurrency=1")
            .args(&e2e)
            .env("BENCHMATE_BIN", target_dir().join("debug/benchmate"))
            .env("CHROMIUM", chromium),
    )
}
