//! Cuts the built app's wasm into a main module and one chunk per lazily loaded section.
//!
//! Trunk has no splitting step, so this does after `trunk build` what cargo-leptos does with
//! `--split`: the app is built with the `split` feature (index.html), whose build script asks
//! the linker to keep relocations (`--emit-relocs`); `wasm_split_cli_support` cuts cargo's wasm
//! at the split points (src/sections/) into a main module, chunks and a JavaScript
//! loader; wasm-bindgen then runs on the main module with `--keep-lld-exports` (the chunks link
//! against those exports) and wasm-opt on every module. The results replace trunk's wasm and
//! JavaScript in `dist/`, named with content hashes like trunk's files so the server caches
//! them for good, and `index.html` is pointed at them.
//!
//! Names and the loader refer to each other in a cycle (the main JavaScript imports the
//! loader, which imports the main JavaScript), so both carry one hash over every output
//! module, written over a placeholder of the same length (the main wasm names the loader as
//! its import module, and a wasm string cannot change length without re-encoding).

use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::tools::Tools;

/// The app's binary, as trunk names its outputs.
const APP: &str = "benchmate-app";
/// Stands for the 16 hex digits of the build hash until the outputs are known.
const PLACEHOLDER: &str = "xxxxxxxxxxxxxxxx";
/// The loader module's name stem.
const LOADER: &str = "__wasm_split";

/// Replaces trunk's wasm and JavaScript in `dist` with the split main module, chunks and loader.
pub fn split_app(tools: &Tools, dist: &Path) -> Result<(), String> {
    crate::step("Splitting the wasm into the main module and the sections' chunks");
    let input_path = cargo_wasm()?;
    let input = std::fs::read(&input_path).map_err(|err| format!("cannot read {}: {err}", input_path.display()))?;
    let work = input_path.with_file_name("split");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|err| format!("cannot create {}: {err}", work.display()))?;

    let main_wasm = work.join("main.wasm");
    let link_name = format!("./{LOADER}-{PLACEHOLDER}.js");
    let main_module = format!("./{APP}-{PLACEHOLDER}.js");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_wasm;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|err| format!("splitting {} failed: {err:?}", input_path.display()))?;

    let bindgen = work.join("bindgen");
    crate::proc::run(
        tools
            .cmd("wasm-bindgen", &crate::root())
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-demangle",
                "--no-typescript",
            ])
            .arg("--out-name")
            .arg(APP)
            .arg("--out-dir")
            .arg(&bindgen)
            .arg(&main_wasm),
    )?;
    let bindgen_wasm = bindgen.join(format!("{APP}_bg.wasm"));
    let mut chunks = split.split_modules;
    chunks.sort();
    for module in std::iter::once(&bindgen_wasm).chain(&chunks) {
        wasm_opt(tools, module)?;
    }

    let mut js = read_text(&bindgen.join(format!("{APP}.js")))?;
    let mut main = read(&bindgen_wasm)?;
    let mut loader = read_text(&work.join(&link_name))?;
    let chunk_bytes: Vec<Vec<u8>> = chunks.iter().map(|path| read(path)).collect::<Result<_, _>>()?;

    let mut build = Sha256::new();
    for part in [js.as_bytes(), &main, loader.as_bytes()]
        .into_iter()
        .chain(chunk_bytes.iter().map(Vec::as_slice))
    {
        build.update((part.len() as u64).to_le_bytes());
        build.update(part);
    }
    let build_hash = hex16(&build.finalize());
    // The loader's name must reach all three, or the main module's import would not match it.
    if !js.contains(PLACEHOLDER) || !loader.contains(PLACEHOLDER) {
        return Err("the split outputs no longer name the loader as expected: check wasm_split_cli_support".into());
    }
    js = js.replace(PLACEHOLDER, &build_hash);
    loader = loader.replace(PLACEHOLDER, &build_hash);
    if replace_same_length(&mut main, PLACEHOLDER.as_bytes(), build_hash.as_bytes()) == 0 {
        return Err("the main wasm does not import the loader by its placeholder name".into());
    }

    let mut written = Vec::new();
    for (path, bytes) in chunks.iter().zip(&chunk_bytes) {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a chunk has no file name")?;
        let name = format!("{stem}-{}.wasm", hex16(&Sha256::digest(bytes)));
        loader = loader.replace(&format!("\"./{stem}.wasm\""), &format!("\"./{name}\""));
        written.push((name, bytes.clone()));
    }
    let main_name = format!("{APP}-{}_bg.wasm", hex16(&Sha256::digest(&main)));
    let js_name = format!("{APP}-{build_hash}.js");
    let loader_name = format!("{LOADER}-{build_hash}.js");
    written.push((main_name.clone(), main));
    written.push((js_name.clone(), js.into_bytes()));
    written.push((loader_name.clone(), loader.into_bytes()));

    let (trunk_js, trunk_wasm) = trunk_outputs(dist)?;
    remove(&dist.join(&trunk_js))?;
    remove(&dist.join(&trunk_wasm))?;
    for (name, bytes) in &written {
        std::fs::write(dist.join(name), bytes).map_err(|err| format!("cannot write {name}: {err}"))?;
    }
    let index_path = dist.join("index.html");
    let index = read_text(&index_path)?;
    let index = point_index_at(&index, &[(&trunk_js, &js_name), (&trunk_wasm, &main_name)], dist)?;
    let index = add_modulepreload(&index, &loader_name, dist)?;
    std::fs::write(&index_path, index).map_err(|err| format!("cannot write index.html: {err}"))?;
    println!("main module {main_name}, loader {loader_name}, {} chunks", chunks.len());
    Ok(())
}

/// The wasm cargo built for trunk (trunk builds with `--profile wasm-release`).
fn cargo_wasm() -> Result<PathBuf, String> {
    let root = crate::root();
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let wasm = target
        .join("wasm32-unknown-unknown/wasm-release")
        .join(format!("{APP}.wasm"));
    if wasm.exists() {
        Ok(wasm)
    } else {
        Err(format!("trunk's cargo build left no {}", wasm.display()))
    }
}

fn wasm_opt(tools: &Tools, module: &Path) -> Result<(), String> {
    // The level trunk used (index.html said `data-wasm-opt="z"` before the split); the
    // producer and feature notes are of no use to a browser.
    crate::proc::run(
        tools
            .cmd("wasm-opt", &crate::root())
            .args(["-Oz", "--strip-producers", "--strip-target-features"])
            .arg(module)
            .arg("-o")
            .arg(module),
    )
}

/// Trunk's `benchmate-app-<hash>.js` and `..._bg.wasm` in `dist`.
fn trunk_outputs(dist: &Path) -> Result<(String, String), String> {
    let files = crate::pwa::list_files(dist)?;
    let find = |suffix: &str| {
        files
            .iter()
            .find(|f| f.starts_with(&format!("{APP}-")) && f.ends_with(suffix) && !f.contains('/'))
            .cloned()
            .ok_or_else(|| format!("trunk wrote no {APP}-*{suffix} in {}", dist.display()))
    };
    let wasm = find("_bg.wasm")?;
    let js = find(".js")?;
    Ok((js, wasm))
}

/// Renames `old` to `new` in trunk's page and gives each its new subresource integrity hash.
fn point_index_at(index: &str, renames: &[(&str, &str)], dist: &Path) -> Result<String, String> {
    let mut page = index.to_string();
    for (old, new) in renames {
        if !page.contains(&format!("/{old}")) {
            return Err(format!("index.html does not mention /{old}"));
        }
        page = page.replace(&format!("/{old}"), &format!("/{new}"));
        page = set_integrity(&page, new, dist)?;
    }
    Ok(page)
}

/// Sets the `integrity` attribute of every tag whose `href` is `/{file}` to the file's SHA-384.
fn set_integrity(page: &str, file: &str, dist: &Path) -> Result<String, String> {
    let digest = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(read(&dist.join(file))?))
    );
    let href = format!("href=\"/{file}\"");
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find(&href) {
        let tag_end = rest[at..].find('>').map(|i| at + i).unwrap_or(rest.len());
        let tag = &rest[at..tag_end];
        out.push_str(&rest[..at]);
        match tag.find("integrity=\"") {
            Some(start) => {
                let value_start = start + "integrity=\"".len();
                let value_end = tag[value_start..]
                    .find('"')
                    .map(|i| value_start + i)
                    .ok_or("an unterminated integrity attribute")?;
                out.push_str(&tag[..value_start]);
                out.push_str(&digest);
                out.push_str(&tag[value_end..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The main JavaScript imports the loader; preloading it saves a round trip on a first visit.
fn add_modulepreload(page: &str, file: &str, dist: &Path) -> Result<String, String> {
    let digest = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(read(&dist.join(file))?))
    );
    let link =
        format!("<link rel=\"modulepreload\" href=\"/{file}\" crossorigin=\"anonymous\" integrity=\"{digest}\">");
    match page.find("</head>") {
        Some(at) => Ok(format!("{}{link}{}", &page[..at], &page[at..])),
        None => Err("index.html has no </head>".into()),
    }
}

/// Overwrites every occurrence of `from` in `bytes` with `to`, of the same length; returns
/// how many there were.
fn replace_same_length(bytes: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len(), "a wasm string cannot change length here");
    let mut at = 0;
    let mut count = 0;
    while at + from.len() <= bytes.len() {
        if &bytes[at..at + from.len()] == from {
            bytes[at..at + from.len()].copy_from_slice(to);
            at += from.len();
            count += 1;
        } else {
            at += 1;
        }
    }
    count
}

fn hex16(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn remove(path: &Path) -> Result<(), String> {
    std::fs::remove_file(path).map_err(|err| format!("cannot remove {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_is_overwritten_everywhere_in_place() {
        let check = |input: &[u8], expect: &[u8], count: usize| {
            let mut bytes = input.to_vec();
            assert_eq!(replace_same_length(&mut bytes, b"xxxx", b"1a2b"), count);
            assert_eq!(bytes, expect, "in {:?}", String::from_utf8_lossy(input));
        };
        check(b"./__wasm_split-xxxx.js", b"./__wasm_split-1a2b.js", 1);
        check(b"\0xxxx\0xxxx", b"\x001a2b\x001a2b", 2);
        check(b"xxxxxx", b"1a2bxx", 1);
        check(b"xxx", b"xxx", 0);
        check(b"", b"", 0);
    }

    #[test]
    fn the_page_points_at_the_new_files_with_their_integrity() {
        let dir = std::env::temp_dir().join(format!("benchmate-split-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app-2.js"), "new js").unwrap();
        std::fs::write(dir.join("loader-3.js"), "loader").unwrap();
        let page = r#"<head><script type="module">import init from '/app-1.js';</script><link rel="modulepreload" href="/app-1.js" crossorigin="anonymous" integrity="sha384-old"><link rel="stylesheet" href="/a.css" integrity="sha384-css"></head>"#;
        let page = point_index_at(page, &[("app-1.js", "app-2.js")], &dir).unwrap();
        let page = add_modulepreload(&page, "loader-3.js", &dir).unwrap();
        let sri = |text: &str| {
            format!(
                "sha384-{}",
                base64::engine::general_purpose::STANDARD.encode(Sha384::digest(text))
            )
        };
        assert_eq!(
            page,
            format!(
                r#"<head><script type="module">import init from '/app-2.js';</script><link rel="modulepreload" href="/app-2.js" crossorigin="anonymous" integrity="{}"><link rel="stylesheet" href="/a.css" integrity="sha384-css"><link rel="modulepreload" href="/loader-3.js" crossorigin="anonymous" integrity="{}"></head>"#,
                sri("new js"),
                sri("loader")
            )
        );
        assert!(
            point_index_at(&page, &[("gone-9.js", "x.js")], &dir).is_err(),
            "a page that does not name trunk's file means the build changed: say so"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
