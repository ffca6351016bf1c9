//! Build script of the app: with the `split` feature, keeps the linker's relocations in the
//! wasm, which `cargo xtask` needs to cut the sections into chunks (xtask/src/split.rs).

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        // Only the final link of the app binary needs them, so no dependency is rebuilt.
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
