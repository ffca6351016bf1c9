//! Writes `sw.js` into a built app: the service worker template with the list of every built
//! file (they all carry a content hash or are revalidated) and a version hash of their contents.

use std::path::Path;

use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("../../src/pwa/service-worker.js");
pub const WORKER: &str = "sw.js";

pub fn write_service_worker(dist: &Path) -> Result<(), String> {
    let mut files = list_files(dist)?;
    files.retain(|path| path != WORKER);
    files.sort();
    let mut hasher = Sha256::new();
    for path in &files {
        hasher.update(path.as_bytes());
        hasher.update(std::fs::read(dist.join(path)).map_err(|err| format!("cannot read {path}: {err}"))?);
    }
    let version: String = hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect();
    let precache: Vec<String> = files.iter().map(|path| format!("\"/{path}\"")).collect();
    let worker = TEMPLATE
        .replace("__BENCHMATE_VERSION__", &version)
        .replace("__BENCHMATE_PRECACHE__", &format!("[{}]", precache.join(", ")));
    std::fs::write(dist.join(WORKER), worker).map_err(|err| format!("cannot write the service worker: {err}"))?;
    println!("service worker {version}: precaches {} files", files.len());
    Ok(())
}

/// Every file under `dir`, as a `/`-separated path relative to it.
pub fn list_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|err| format!("cannot list {}: {err}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_lists_every_file_but_itself_and_changes_with_them() {
        let dir = std::env::temp_dir().join(format!("benchmate-pwa-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("icons/icon.png"), "png").unwrap();
        std::fs::write(dir.join(WORKER), "old worker").unwrap();
        write_service_worker(&dir).unwrap();
        let first = std::fs::read_to_string(dir.join(WORKER)).unwrap();
        assert!(
            first.contains(r#"const PRECACHE = ["/icons/icon.png", "/index.html"];"#),
            "{first}"
        );
        assert!(!first.contains("__BENCHMATE"), "every placeholder is filled: {first}");

        std::fs::write(dir.join("index.html"), "<html lang=en>").unwrap();
        write_service_worker(&dir).unwrap();
        let second = std::fs::read_to_string(dir.join(WORKER)).unwrap();
        assert_ne!(
            first, second,
            "a changed file must make a new worker, or browsers keep the old app"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
