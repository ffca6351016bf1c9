//! Asking the browser to keep Benchmate's data (persistent storage), and how much space it uses.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What Settings shows about storage on this device.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageStatus {
    /// True when the browser promised not to clear the data under storage pressure.
    pub persisted: Option<bool>,
    pub used_bytes: Option<f64>,
    pub quota_bytes: Option<f64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    Reflect::has(&navigator, &JsValue::from_str("storage"))
        .ok()?
        .then(|| navigator.storage())
}

async fn call_bool(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Asks for persistent storage; browsers may grant it at once, ask the user, or decline.
pub async fn request_persistence() -> Option<bool> {
    call_bool(manager()?.persist()).await
}

pub async fn status() -> StorageStatus {
    let Some(manager) = manager() else {
        return StorageStatus {
            persisted: None,
            used_bytes: None,
            quota_bytes: None,
        };
    };
    let persisted = call_bool(manager.persisted()).await;
    let estimate = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    let number = |key: &str| {
        estimate
            .as_ref()
            .and_then(|e| Reflect::get(e, &JsValue::from_str(key)).ok()?.as_f64())
    };
    StorageStatus {
        persisted,
        used_bytes: number("usage"),
        quota_bytes: number("quota"),
    }
}

/// "1.2 MB", for people.
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
