//! The tidy test: conventions and architectural invariants, checked on every `cargo xtask test`.

use std::path::{Path, PathBuf};

/// Every Rust file of the project, skipping build output.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "dist" | "node_modules" | ".git") && !name.starts_with('.') {
                found.extend(rust_files(&path));
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
    found
}

fn relative(path: &Path) -> String {
    path.strip_prefix(crate::root()).unwrap_or(path).display().to_string()
}

#[test]
fn every_rust_file_says_what_it_is_for() {
    let missing: Vec<String> = rust_files(&crate::root())
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| relative(&path))
        .collect();
    assert!(
        missing.is_empty(),
        "these files must start with a `//!` line saying what they are for:\n{}",
        missing.join("\n")
    );
}

/// `crates/core` runs unchanged in the browser and on the server, and is tested natively:
/// it must not reach the outside world. Callers pass in the time and the stored data.
#[test]
fn core_does_no_io() {
    const FORBIDDEN: &[&str] = &[
        "std::fs",
        "std::net",
        "std::thread",
        "std::env",
        "std::process",
        "tokio",
        "web_sys",
        "wasm_bindgen",
        "js_sys",
        "SystemTime::now",
        "Instant::now",
        "Utc::now",
        "Local::now",
        "println!",
        "eprintln!",
    ];
    let mut offences = Vec::new();
    for path in rust_files(&crate::root().join("crates/core/src")) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Test modules sit at the end of a file and may read fixtures.
        let lines = text.lines().take_while(|line| line.trim() != "#[cfg(test)]");
        for (number, line) in lines.enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: uses {word}", relative(&path), number + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "crates/core must do no I/O:\n{}",
        offences.join("\n")
    );
}

#[test]
fn core_depends_on_nothing_that_does_io() {
    let manifest = std::fs::read_to_string(crate::root().join("crates/core/Cargo.toml")).unwrap();
    let dependencies = manifest.split("[dev-dependencies]").next().unwrap_or("");
    for crate_name in [
        "tokio",
        "web-sys",
        "wasm-bindgen",
        "js-sys",
        "sqlx",
        "axum",
        "reqwest",
        "getrandom",
    ] {
        assert!(
            !dependencies
                .lines()
                .any(|line| line.trim_start().starts_with(crate_name)),
            "crates/core must not depend on {crate_name}"
        );
    }
}

/// ARCHITECTURE.md's code map names every module folder, so it cannot silently fall behind.
#[test]
fn the_code_map_names_every_module_folder() {
    let map = std::fs::read_to_string(crate::root().join("ARCHITECTURE.md")).unwrap();
    let mut missing = Vec::new();
    for src in ["src", "crates/core/src", "crates/server/src", "xtask/src"] {
        let Ok(entries) = std::fs::read_dir(crate::root().join(src)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                let folder = format!("{src}/{}", entry.file_name().to_string_lossy());
                if !map.contains(&format!("`{folder}/`")) {
                    missing.push(folder);
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map should describe (as `folder/`):\n{}",
        missing.join("\n")
    );
}
