//! `cargo xtask bench`: benchmarks that need a browser; figures are printed, never asserted.

use crate::proc;

pub fn bench() -> Result<(), String> {
    let root = crate::root();
    let tools = crate::tools::ensure_build_tools()?;
    let (chromium, _) = crate::tools::ensure_browser()?;
    let app = crate::dist::build_app(&tools)?;
    let baseline = crate::dist::build_baseline(&tools)?;
    crate::step("Offline cold start: service worker serving, server stopped (median of 10)");
    proc::run(
        tools
            .cmd("node", &root)
            .arg("xtask/js/bench-startup.cjs")
            .arg(&app)
            .arg(&baseline)
            .env("CHROMIUM", &chromium),
    )
}
