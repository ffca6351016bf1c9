//! Rebuilds the server when the built app changes, so a release binary always embeds the current app.

fn main() {
    // rust-embed lists the folder when the crate compiles; a changed app must recompile it.
    println!("cargo:rerun-if-changed=../../dist");
}
