//! The service worker: registering it, and telling the app when a new version is waiting.
//!
//! The worker itself is `service-worker.js` in this folder, completed at build time by
//! `cargo xtask` with the list of built files (see `xtask/src/pwa.rs`). It serves the app from
//! its cache, so Benchmate starts with no network; a new version installs in the background and
//! waits until the user taps "Reload", so nothing half-typed is lost to a surprise reload.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The message the worker listens for to stop waiting and take over.
const SKIP_WAITING: &str = "skip-waiting";

/// Whether a newer version of the app is installed and waiting.
#[derive(Clone, Copy)]
pub struct AppUpdate {
    pub ready: RwSignal<bool>,
}

impl AppUpdate {
    /// Lets the waiting worker take over, then reloads the page once it controls it.
    pub fn apply(&self) {
        let Some(container) = service_workers() else { return };
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(found) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            if let Some(waiting) = found
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting())
            {
                let _ = waiting.post_message(&JsValue::from_str(SKIP_WAITING));
            }
        });
    }
}

/// Registers `/sw.js` and starts watching for updates. Browsers without service workers (or a
/// page served over plain HTTP from another host) still run the app, only not offline.
pub fn register_service_worker() -> AppUpdate {
    let update = AppUpdate {
        ready: RwSignal::new(false),
    };
    let Some(container) = service_workers() else {
        return update;
    };
    let registering = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(registering).await {
            Ok(registration) => watch_for_updates(registration.unchecked_into(), update),
            Err(err) => web_sys::console::warn_2(&"Benchmate: offline mode unavailable:".into(), &err),
        }
    });
    update
}

fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// A worker that finishes installing while another one controls the page is an update.
/// (The very first install has no controller, and simply takes over.)
fn watch_for_updates(registration: ServiceWorkerRegistration, update: AppUpdate) {
    let controlled = || service_workers().and_then(|c| c.controller()).is_some();
    if registration.waiting().is_some() && controlled() {
        update.ready.set(true);
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                update.ready.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}
