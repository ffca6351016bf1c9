//! `cargo xtask size`: the compressed bytes a first visit downloads.
//!
//! Two figures for the app: the critical path, what the start page loads before it is
//! interactive (`index.html`, what it links, and the JavaScript modules those import; the
//! sections' wasm chunks are not in it), against issue 2's 350 KB budget; and the offline
//! precache, every built file, which the service worker then downloads in the background.
//! Each file is measured gzip-compressed (level 9) and brotli-compressed (quality 11), as a
//! server or CDN would send it.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

pub fn size() -> Result<(), String> {
    let tools = crate::tools::ensure_build_tools()?;
    let app = crate::dist::build_app(&tools)?;
    let baseline = crate::dist::build_baseline(&tools)?;
    crate::step("Compressed size of a first visit");
    let (app_critical, app_total) = report("Benchmate", &app)?;
    let (base_critical, base_total) = report("Empty Leptos app", &baseline)?;
    println!(
        "\nBenchmate critical path (the start page, interactive): {:.1} KB gzip, {:.1} KB brotli \
         (budget: 350 KB compressed; the empty Leptos app: {:.1} KB gzip)",
        kb(app_critical.gzip),
        kb(app_critical.brotli),
        kb(base_critical.gzip),
    );
    println!(
        "Benchmate offline precache (every file): {:.1} KB gzip, {:.1} KB brotli ({:.2}x / {:.2}x the empty app)",
        kb(app_total.gzip),
        kb(app_total.brotli),
        app_total.gzip as f64 / base_total.gzip as f64,
        app_total.brotli as f64 / base_total.brotli as f64,
    );
    Ok(())
}

/// The files a first visit needs before the start page works: `index.html`, every built file
/// it names, and the JavaScript modules those import statically (transitively). Files that
/// JavaScript only names as a string (the sections' chunks, fetched on demand) are not in it.
pub fn critical_path(dist: &Path) -> Result<BTreeSet<String>, String> {
    let files = crate::pwa::list_files(dist)?;
    let index =
        std::fs::read_to_string(dist.join("index.html")).map_err(|err| format!("cannot read index.html: {err}"))?;
    let mut needed: BTreeSet<String> = files
        .iter()
        .filter(|file| index.contains(&format!("\"/{file}\"")) || index.contains(&format!("'/{file}'")))
        .cloned()
        .collect();
    needed.insert("index.html".to_string());
    let mut pending: Vec<String> = needed.iter().filter(|f| f.ends_with(".js")).cloned().collect();
    while let Some(module) = pending.pop() {
        let text = std::fs::read_to_string(dist.join(&module)).map_err(|err| format!("cannot read {module}: {err}"))?;
        for file in files.iter().filter(|f| f.ends_with(".js")) {
            let imported = ["from \"./", "from './", "import \"./", "import './"]
                .iter()
                .any(|prefix| text.contains(&format!("{prefix}{file}")));
            if imported && needed.insert(file.clone()) {
                pending.push(file.clone());
            }
        }
    }
    Ok(needed)
}

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

/// Prints every file's sizes, `*` marking the critical path; returns it and the total.
fn report(name: &str, dist: &Path) -> Result<(Sizes, Sizes), String> {
    let mut files = crate::pwa::list_files(dist)?;
    files.sort();
    let critical = critical_path(dist)?;
    println!("\n{name} ({}; * the start page needs it)", dist.display());
    println!("{:>10} {:>10} {:>10}  file", "raw", "gzip", "brotli");
    let mut total = Sizes::default();
    let mut first = Sizes::default();
    for file in files {
        let bytes = std::fs::read(dist.join(&file)).map_err(|err| format!("cannot read {file}: {err}"))?;
        let sizes = Sizes {
            raw: bytes.len(),
            gzip: gzip(&bytes),
            brotli: brotli(&bytes),
        };
        let mark = if critical.contains(&file) { "*" } else { " " };
        println!("{:>10} {:>10} {:>10} {mark}{file}", sizes.raw, sizes.gzip, sizes.brotli);
        if critical.contains(&file) {
            first.raw += sizes.raw;
            first.gzip += sizes.gzip;
            first.brotli += sizes.brotli;
        }
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!(
        "{:>10} {:>10} {:>10} *critical path ({:.1} KB gzip, {:.1} KB brotli)",
        first.raw,
        first.gzip,
        first.brotli,
        kb(first.gzip),
        kb(first.brotli)
    );
    println!(
        "{:>10} {:>10} {:>10}  total, the offline precache ({:.1} KB gzip, {:.1} KB brotli)",
        total.raw,
        total.gzip,
        total.brotli,
        kb(total.gzip),
        kb(total.brotli)
    );
    Ok((first, total))
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (path, contents) into a fresh folder and returns its critical path.
    fn check(files: &[(&str, &str)], expect: &[&str]) {
        let dir = std::env::temp_dir().join(format!("benchmate-size-test-{}-{}", std::process::id(), expect.len()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let found = critical_path(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let expect: BTreeSet<String> = expect.iter().map(|f| f.to_string()).collect();
        assert_eq!(found, expect);
    }

    #[test]
    fn the_critical_path_follows_the_page_and_static_imports_but_not_chunks() {
        check(
            &[
                (
                    "index.html",
                    r#"<link href="/app-1.css"><script type="module">import init from '/app-2.js'; init({ module_or_path: '/app-2_bg.wasm' })</script><link rel="icon" href="/icons/a.png">"#,
                ),
                ("app-1.css", "body {}"),
                ("app-2.js", r#"import * as import1 from "./loader-3.js""#),
                ("app-2_bg.wasm", "wasm"),
                (
                    "loader-3.js",
                    r#"import { initSync } from "./app-2.js"; fetch(new URL("./chunk-4.wasm", import.meta.url))"#,
                ),
                ("chunk-4.wasm", "chunk"),
                ("unused-5.js", "export {}"),
                ("icons/a.png", "png"),
                ("icons/b.png", "png"),
                ("sw.js", "worker"),
            ],
            &[
                "app-1.css",
                "app-2.js",
                "app-2_bg.wasm",
                "icons/a.png",
                "index.html",
                "loader-3.js",
            ],
        );
        // Without a split there is no loader: the page and what it names.
        check(
            &[
                (
                    "index.html",
                    r#"<script type="module">import init from '/app-1.js'; init('/app-1_bg.wasm')</script>"#,
                ),
                ("app-1.js", "export default function init() {}"),
                ("app-1_bg.wasm", "wasm"),
                ("sw.js", "worker"),
            ],
            &["app-1.js", "app-1_bg.wasm", "index.html"],
        );
    }
}
