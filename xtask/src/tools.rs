//! Installing and finding the tools the build and the tests need, at pinned versions.
//!
//! Rust tools go to `~/.cargo/bin` with `cargo install`; the Node tools (wasm-opt from the
//! npm `binaryen` package, Playwright's driver library, axe-core) to a tools folder outside the
//! repository, so every clone on the machine shares them. Chromium comes from Debian.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::proc::{self, output};

const TRUNK_VERSION: &str = "0.21.14";
/// Debian's wasm-opt 108 breaks wasm-bindgen 0.2.130 output; 132 from npm works (Trunk.toml pins it).
const NODE_TOOLS: &[(&str, &str)] = &[
    ("binaryen", "132.0.0"),
    ("playwright-core", "1.65.1"),
    ("axe-core", "4.14.1"),
];

/// Where the tools are, and the environment that puts them first.
pub struct Tools {
    /// `PATH` with the Node tools' `bin` folder and `~/.cargo/bin` in front.
    pub path: OsString,
    /// The Node tools' `node_modules`, for `NODE_PATH`.
    pub node_modules: PathBuf,
}

impl Tools {
    /// A command that sees the pinned tools first on its `PATH`.
    pub fn cmd(&self, program: &str, dir: &Path) -> Command {
        let mut command = proc::cmd(program, dir);
        command.env("PATH", &self.path).env("NODE_PATH", &self.node_modules);
        command
    }
}

/// Everything `trunk build` needs: the wasm target, trunk, wasm-bindgen and wasm-opt.
pub fn ensure_build_tools() -> Result<Tools, String> {
    crate::step("Checking the build tools");
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    let bindgen = wasm_bindgen_version()?;
    // wasm-bindgen-cli does not build with --locked at every version; its own lock is not needed.
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, &[])?;
    let node_modules = ensure_node_tools()?;
    let mut dirs = vec![node_modules.join(".bin"), cargo_bin()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).map_err(|err| err.to_string())?;
    let tools = Tools { path, node_modules };
    let wasm_opt = output(tools.cmd("wasm-opt", &crate::root()).arg("--version")).unwrap_or_default();
    if !wasm_opt.contains("version 132") {
        return Err(format!(
            "wasm-opt on PATH is not version 132 (it says `{}`)",
            wasm_opt.trim()
        ));
    }
    println!("trunk {TRUNK_VERSION}, wasm-bindgen {bindgen}, {}", wasm_opt.trim());
    Ok(tools)
}

/// Chromium and ChromeDriver, from Debian when missing and this is root on a Debian machine.
pub fn ensure_browser() -> Result<(PathBuf, PathBuf), String> {
    crate::step("Checking Chromium and ChromeDriver");
    let chromium = env_path("CHROMIUM", "/usr/bin/chromium");
    let driver = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
    if !chromium.exists() || !driver.exists() {
        let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
        let has_apt = Path::new("/usr/bin/apt-get").exists();
        if !(is_root && has_apt) {
            return Err(format!(
                "the browser tests need Chromium ({}) and ChromeDriver ({}). Install Debian's packages with \
                 `sudo apt-get install chromium chromium-driver`, or set CHROMIUM and CHROMEDRIVER to their paths.",
                chromium.display(),
                driver.display()
            ));
        }
        proc::run(Command::new("apt-get").arg("update").arg("-q"))?;
        proc::run(
            Command::new("apt-get")
                .args([
                    "install",
                    "-y",
                    "-q",
                    "--no-install-recommends",
                    "chromium",
                    "chromium-driver",
                ])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    let version = output(Command::new(&chromium).arg("--version")).unwrap_or_default();
    println!("{}", version.trim());
    Ok((chromium, driver))
}

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

fn cargo_bin() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"));
    cargo_home.join("bin")
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    proc::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs `package` at `version` unless `binary --version` already reports it.
fn ensure_cargo_tool(binary: &str, package: &str, version: &str, extra: &[&str]) -> Result<(), String> {
    let found = output(Command::new(cargo_bin().join(binary)).arg("--version")).unwrap_or_default();
    if found.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("installing {package} {version} (once per machine; this takes a few minutes)");
    proc::run(
        Command::new("cargo")
            .args(["install", package, "--version", version])
            .args(extra),
    )
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(crate::root().join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    lock.split("[[package]]")
        .find(|entry| entry.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|entry| entry.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen entry".to_string())
}

/// The tools folder: `BENCHMATE_TOOLS`, or `~/.cache/benchmate/tools`.
fn tools_dir() -> PathBuf {
    std::env::var_os("BENCHMATE_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache/benchmate/tools"))
}

fn ensure_node_tools() -> Result<PathBuf, String> {
    let dir = tools_dir();
    let node_modules = dir.join("node_modules");
    let installed = |name: &str, version: &str| {
        std::fs::read_to_string(node_modules.join(name).join("package.json"))
            .is_ok_and(|text| text.contains(&format!("\"version\": \"{version}\"")))
    };
    if NODE_TOOLS.iter().all(|(name, version)| installed(name, version)) {
        return Ok(node_modules);
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err(
            "Node.js and npm are needed for wasm-opt and the browser tests: install Debian's `nodejs` and `npm`."
                .into(),
        );
    }
    std::fs::create_dir_all(&dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let deps: Vec<String> = NODE_TOOLS
        .iter()
        .map(|(name, version)| format!("    \"{name}\": \"{version}\""))
        .collect();
    let manifest = format!(
        "{{\n  \"name\": \"benchmate-tools\",\n  \"private\": true,\n  \"dependencies\": {{\n{}\n  }}\n}}\n",
        deps.join(",\n")
    );
    std::fs::write(dir.join("package.json"), manifest).map_err(|err| err.to_string())?;
    proc::run(proc::cmd("npm", &dir).args(["install", "--no-audit", "--no-fund", "--loglevel=error"]))?;
    Ok(node_modules)
}
