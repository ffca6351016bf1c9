//! Camera scanning through the browser's own BarcodeDetector, where it has one: the button
//! takes a photo of the label and hands the decoded text to the Receive screen. Browsers
//! without the API get no button (no wasm decoder is shipped: see ARCHITECTURE.md).

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The symbologies reagent boxes carry GS1 and HIBC data in.
const FORMATS: [&str; 5] = ["data_matrix", "qr_code", "code_128", "code_39", "ean_13"];

fn detector_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Decodes the first barcode in an image file.
async fn decode(file: web_sys::File) -> Result<String, String> {
    let fail = |what: &str| format!("The camera scan failed: {what}.");
    let class = detector_class().ok_or_else(|| fail("this browser cannot read barcodes"))?;
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let options = Object::new();
    let formats: Array = FORMATS.iter().map(|f| JsValue::from_str(f)).collect();
    Reflect::set(&options, &"formats".into(), &formats).map_err(|_| fail("bad options"))?;
    let detector = Reflect::construct(&class, &Array::of1(&options)).map_err(|_| fail("no detector"))?;
    let make_bitmap: Function = Reflect::get(&window, &"createImageBitmap".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| fail("images cannot be read"))?;
    let bitmap = make_bitmap
        .call1(&window, &file)
        .map_err(|_| fail("the photo could not be read"))?;
    let bitmap = JsFuture::from(Promise::from(bitmap))
        .await
        .map_err(|_| fail("the photo could not be read"))?;
    let detect: Function = Reflect::get(&detector, &"detect".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| fail("no detector"))?;
    let found = detect.call1(&detector, &bitmap).map_err(|_| fail("no barcode found"))?;
    let found: Array = JsFuture::from(Promise::from(found))
        .await
        .map_err(|_| fail("no barcode found"))?
        .unchecked_into();
    let first = found.get(0);
    Reflect::get(&first, &"rawValue".into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "No barcode was found in the photo: hold the label flat, close and sharp, and try again.".into())
}

#[component]
pub fn CameraScan(on_read: Callback<String>) -> impl IntoView {
    let available = detector_class().is_some();
    let error = RwSignal::new(None::<String>);
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            match decode(file).await {
                Ok(text) => {
                    error.set(None);
                    on_read.run(text);
                }
                Err(why) => error.set(Some(why)),
            }
        });
    };
    available.then(|| {
        view! {
            <label class="button secondary" for="receive-camera">"Scan with the camera"</label>
            <input id="receive-camera" class="visually-hidden" type="file" accept="image/*" capture="environment" on:change=picked />
            {move || error.get().map(|e| view! { <p class="notice danger" role="alert">{e}</p> })}
        }
    })
}
