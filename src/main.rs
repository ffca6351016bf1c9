//! Mounts the Benchmate app to the page; everything else lives in the library.

fn main() {
    benchmate_app::mount();
}
