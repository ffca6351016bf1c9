//! Building the app (and the empty baseline app) with trunk, then writing the service worker.

use std::path::{Path, PathBuf};

use crate::tools::Tools;

/// Builds Benchmate in release mode into `dist/`, its sections split into chunks loaded on
/// demand, service worker included.
pub fn build_app(tools: &Tools) -> Result<PathBuf, String> {
    crate::step("Building the app (release)");
    trunk_build(tools, &crate::root(), true)
}

/// Builds the empty Leptos app the same way into `xtask/baseline-app/dist/`.
pub fn build_baseline(tools: &Tools) -> Result<PathBuf, String> {
    crate::step("Building the empty Leptos app (release), the yardstick");
    trunk_build(tools, &crate::root().join("xtask/baseline-app"), false)
}

fn trunk_build(tools: &Tools, dir: &Path, split: bool) -> Result<PathBuf, String> {
    let dist = dir.join("dist");
    crate::proc::run(
        tools
            .cmd("trunk", dir)
            .args(["build", "--release"])
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("NO_COLOR", "true"),
    )?;
    if split {
        crate::split::split_app(tools, &dist)?;
    }
    crate::pwa::write_service_worker(&dist)?;
    Ok(dist)
}
