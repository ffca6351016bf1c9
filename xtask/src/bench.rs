//! `cargo xtask bench`: the app's benchmarks in a browser, then the server's sync benchmarks
//! (`sync_bench.rs`); figures are printed, never asserted.

use crate::proc;

/// `cargo xtask bench [server] [--load-seconds N]`: everything, or (`server`) only the sync
/// benchmarks, which need no browser and no app build.
pub fn bench(args: &[String]) -> Result<(), String> {
    let mut only_server = false;
    let mut load_seconds = crate::sync_bench::DEFAULT_LOAD_SECONDS;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "server" => only_server = true,
            "--load-seconds" => {
                load_seconds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| (1..=3600).contains(n))
                    .ok_or("--load-seconds takes a number of seconds from 1 to 3600")?;
            }
            other => return Err(format!("unknown bench argument `{other}`; see `cargo xtask help`")),
        }
    }
    if !only_server {
        browser_bench()?;
    }
    crate::sync_bench::sync_bench(load_seconds)
}

fn browser_bench() -> Result<(), String> {
    let root = crate::root();
    let tools = crate::tools::ensure_build_tools()?;
    let (chromium, chromedriver) = crate::tools::ensure_browser()?;
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
    )?;
    crate::step("In the browser (optimized wasm, headless Chromium): the local store, the ranges search");
    // The browser benchmarks are wasm-bindgen tests that print their figures; built with the
    // app's own release profile, so they measure the code users run.
    for test in ["store_bench", "ranges_search_bench"] {
        let out = tools
            .cmd("cargo", &root)
            .args([
                "test",
                "-p",
                "benchmate-app",
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                "wasm-release",
            ])
            .args(["--test", test, "--", "--nocapture"])
            .env("CHROMEDRIVER", &chromedriver)
            .output()
            .map_err(|err| format!("cannot run the {test} benchmark: {err}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            return Err(format!(
                "the {test} benchmark failed:\n{text}{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        for line in text.lines().filter(|l| l.contains("benchmark:")) {
            println!("{}", line.trim());
        }
    }
    Ok(())
}
