//! Browser tests of the app, run in headless Chromium by `cargo xtask test` (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn body_text() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .inner_text()
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_navigation() {
    benchmate_app::mount();
    // Let the router render.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    let text = body_text();
    for section in ["Calculators", "Ranges", "Reagents", "Portfolio", "Settings"] {
        assert!(text.contains(section), "the navigation should offer {section}: {text}");
    }
}
