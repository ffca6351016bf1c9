//! Files in and out of the browser, for every section: a download of generated text (CSV,
//! JSON), and reading a picked file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Saves `text` as a file named `name` through the browser's download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser refused to save the file.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The picked file of a file input's change event: its name and text. The input is cleared
/// so that picking the same file again (after fixing it) fires another change.
pub async fn read_picked(ev: &leptos::ev::Event) -> Option<Result<(String, String), String>> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
    Some(
        text.map(|t| (file.name(), t))
            .ok_or_else(|| "The file could not be read.".to_string()),
    )
}
