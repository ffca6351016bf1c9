//! `cargo xtask run`: build everything in release mode and serve it on http://127.0.0.1:8080.

use crate::proc;

pub const ADDR: &str = "127.0.0.1:8080";

pub fn run() -> Result<(), String> {
    let tools = crate::tools::ensure_build_tools()?;
    crate::dist::build_app(&tools)?;
    crate::step("Building the server (release, with the app inside)");
    let root = crate::root();
    proc::run(proc::cmd("cargo", &root).args(["build", "--release", "-p", "benchmate-server"]))?;
    crate::step("Serving");
    println!("Benchmate is starting on http://{ADDR}/ with its database in ./data. Press Ctrl-C to stop.");
    let binary = target_dir().join("release/benchmate");
    proc::run(proc::cmd(&binary, &root).args(["serve", "--addr", ADDR, "--data", "data"]))
}

/// Cargo's target folder: `CARGO_TARGET_DIR`, or `target/` in the repository.
pub fn target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::root().join("target"))
}
