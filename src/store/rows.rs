//! How records, outbox entries and the device state are laid out as IndexedDB rows.
//!
//! A row carries the fields IndexedDB indexes (`id`, `kind`, `scope`) beside the record's
//! JSON, so the store never depends on how the browser would convert Rust values.

use benchmate_core::record::{Attachment, Record};
use benchmate_core::sync::Mutation;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::device::DeviceState;

pub const DEVICE_KEY: &str = "device";

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn text(row: &JsValue, key: &str) -> Option<String> {
    Reflect::get(row, &JsValue::from_str(key)).ok()?.as_string()
}

pub fn record_row(record: &Record) -> JsValue {
    object(&[
        ("id", record.id().to_string().into()),
        ("kind", record.kind().as_str().into()),
        ("scope", record.scope().to_string().into()),
        ("json", serde_json::to_string(record).unwrap_or_default().into()),
    ])
}

pub fn record_from_row(row: &JsValue) -> Option<Record> {
    serde_json::from_str(&text(row, "json")?).ok()
}

pub fn outbox_row(mutation: &Mutation) -> JsValue {
    object(&[
        ("record", mutation.record.to_string().into()),
        ("scope", mutation.scope.to_string().into()),
        ("json", serde_json::to_string(mutation).unwrap_or_default().into()),
    ])
}

pub fn device_row(device: &DeviceState) -> JsValue {
    object(&[
        ("key", DEVICE_KEY.into()),
        ("json", serde_json::to_string(device).unwrap_or_default().into()),
    ])
}

pub fn device_from_row(row: &JsValue) -> Option<DeviceState> {
    serde_json::from_str(&text(row, "json")?).ok()
}

pub fn attachment_row(attachment: &Attachment) -> JsValue {
    object(&[
        ("hash", attachment.hash().to_string().into()),
        ("json", serde_json::to_string(attachment).unwrap_or_default().into()),
    ])
}

pub fn attachment_from_row(row: &JsValue) -> Option<Attachment> {
    serde_json::from_str(&text(row, "json")?).ok()
}

pub fn mutation_from_row(row: &JsValue) -> Option<Mutation> {
    serde_json::from_str(&text(row, "json")?).ok()
}

/// The `meta` key of a scope's pull cursor.
pub fn cursor_key(scope: &benchmate_core::record::Scope) -> String {
    format!("cursor:{scope}")
}

pub fn cursor_row(key: &str, cursor: u64) -> JsValue {
    object(&[("key", key.into()), ("json", cursor.to_string().into())])
}

pub fn cursor_from_row(row: &JsValue) -> Option<u64> {
    text(row, "json")?.parse().ok()
}

/// Whether an outbox row waits in a local scope, read from its `scope` column without parsing
/// the mutation (rows written before that column existed are parsed).
pub fn outbox_row_is_local(row: &JsValue) -> bool {
    match text(row, "scope") {
        Some(scope) => scope
            .parse()
            .is_ok_and(|scope| benchmate_core::sync::is_local_scope(&scope)),
        None => mutation_from_row(row).is_some_and(|m| benchmate_core::sync::is_local_scope(&m.scope)),
    }
}
