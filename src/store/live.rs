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

thread_local! {
    static REVISION: RwSignal<u64> = page_lifetime(|| RwSignal::new(0));
    static HEALTH: RwSignal<StoreHealth> = page_lifetime(|| RwSignal::new(StoreHealth::Ok));
    static CHANNEL_HANDLE: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Makes a signal that lives as long as the page. A plain `RwSignal::new` belongs to the
/// reactive owner current at the call, so if the first screen to read `revision()` were a
/// route, leaving that route would dispose the signal and every live list after it would
/// stop updating. A root owner that is never dropped keeps it alive.
pub(crate) fn page_lifetime<T>(make: impl FnOnce() -> T) -> T {
    // `Owner::new_root` also makes the new root the current owner; put the caller's back,
    // or the component that happened to read the signal first would lose its context.
    let caller = Owner::current();
    let owner = Owner::new_root(None);
    let value = owner.with(make);
    std::mem::forget(owner);
    if let Some(caller) = caller {
        caller.set();
    }
    value
}

/// Read this in a `LocalResource` (or any reactive closure) to re-run it after any write.
pub fn revision() -> RwSignal<u64> {
    REVISION.with(|r| *r)
}

pub fn health() -> RwSignal<StoreHealth> {
    HEALTH.with(|h| *h)
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
