//! Live reads: a revision counter that every write bumps, in this tab and (through a
//! BroadcastChannel) in every other tab of the app, and the store's health for the UI.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "benchmate-store";

/// What the UI should say about the store, beyond individual errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreHealth {
    Ok,
    /// Another tab holds an older version of the database open.
    Blocked,
    /// A newer version of the app upgraded the database in another tab.
    NewerVersionOpen,
}

// Reference-counted signals, not arena signals: an arena signal belongs to the reactive owner
// that first touched it (often a page), and would be disposed when that page is left, after
// which writes no longer refreshed any list.
thread_local! {
    static REVISION: ArcRwSignal<u64> = ArcRwSignal::new(0);
    static HEALTH: ArcRwSignal<StoreHealth> = ArcRwSignal::new(StoreHealth::Ok);
    static CHANNEL_HANDLE: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Read this in a `LocalResource` (or any reactive closure) to re-run it after any write.
pub fn revision() -> ArcRwSignal<u64> {
    REVISION.with(|r| r.clone())
}

pub fn health() -> ArcRwSignal<StoreHealth> {
    HEALTH.with(|h| h.clone())
}

pub(super) fn announce_write() {
    revision().update(|r| *r += 1);
    CHANNEL_HANDLE.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&JsValue::from_str("write"));
        }
    });
}

pub(super) fn listen_to_other_tabs() {
    CHANNEL_HANDLE.with(|channel| {
        let Some(channel) = channel else { return };
        let on_message = Closure::<dyn FnMut()>::new(|| revision().update(|r| *r += 1));
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    });
}

pub(super) fn report_blocked() {
    health().set(StoreHealth::Blocked);
}

pub(super) fn report_newer_version() {
    health().set(StoreHealth::NewerVersionOpen);
}
