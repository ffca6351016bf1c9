//! `cargo xtask screenshot`: the README's picture of the app on a phone, from the real build.

use crate::proc;
use crate::run::target_dir;

pub fn screenshot() -> Result<(), String> {
    let root = crate::root();
    let tools = crate::tools::ensure_build_tools()?;
    let (chromium, _) = crate::tools::ensure_browser()?;
    crate::dist::build_app(&tools)?;
    proc::run(proc::cmd("cargo", &root).args(["build", "-p", "benchmate-server"]))?;
    crate::step("Taking docs/screenshot.png");
    proc::run(
        tools
            .cmd("node", &root)
            .arg("xtask/js/screenshot.cjs")
            .arg(root.join("docs/screenshot.png"))
            .env("BENCHMATE_BIN", target_dir().join("debug/benchmate"))
            .env("CHROMIUM", &chromium),
    )
}
