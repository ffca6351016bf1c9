//! Sync in detail: the status, when it last worked, the last error, the progress of a long
//! pull, the changes the server refused, and "Sync now".

use leptos::prelude::*;

use super::state::sync_state;
use super::triggers::request_sync;

/// "2026-11-25 14:05", in the device's time zone.
fn when(millis: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[component]
pub fn SyncDetails() -> impl IntoView {
    let state = sync_state();
    view! {
        <div class="sync-details">
            <p class="sync-status" data-status=move || state.status().name()>
                <strong>"Status: "</strong>{move || state.status().text()}
            </p>
            <p>
                "Last synced: "
                {move || state.last_synced.get().map(when).unwrap_or_else(|| "not yet".into())}
            </p>
            {move || state.last_error.get().map(|e| view! {
                <p class="notice danger sync-error" role="alert">
                    {format!("Last error: {e}. Your changes are kept on this device and sent when sync works again.")}
                </p>
            })}
            {move || state.progress.get().map(|p| view! {
                <div class="sync-progress">
                    <label for="sync-progress-bar">
                        {format!("Receiving {}: {} records in {} pages so far", p.scope_label, p.records, p.pages)}
                    </label>
                    // The server does not say how much remains, so the bar shows activity,
                    // and the words above count what has arrived.
                    <progress id="sync-progress-bar"></progress>
                </div>
            })}
            {move || {
                let rejected = state.rejected.get();
                (!rejected.is_empty()).then(|| view! {
                    <div class="notice warn">
                        <p>"The server refused these changes. They are kept on this device:"</p>
                        <ul>
                            {rejected.into_iter().map(|r| view! { <li>{format!("Record {}: {}", r.record, r.reason)}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <button id="sync-now" class="button secondary" type="button"
                disabled=move || state.syncing.get()
                on:click=move |_| request_sync(true)>
                {move || if state.syncing.get() { "Syncing…" } else { "Sync now" }}
            </button>
        </div>
    }
}
