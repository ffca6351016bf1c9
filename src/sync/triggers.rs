//! When sync runs: at start, when the network comes back, about two seconds after a local
//! write, every minute while the app is visible, and on "Sync now". A run never overlaps
//! another: a request during a run makes one more run follow it. After a failure, automatic
//! runs wait for core's back-off; "Sync now" does not.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use benchmate_core::sync::retry_delay_secs;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api::ApiError;
use super::engine::{self, SyncError};
use super::session;
use super::state::sync_state;
use crate::store::{revision, Store};

const AFTER_WRITE: Duration = Duration::from_secs(2);
const PERIOD: Duration = Duration::from_secs(60);

thread_local! {
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    static FAILURES: Cell<u32> = const { Cell::new(0) };
    /// No automatic run before this time (milliseconds), after failures.
    static NOT_BEFORE: Cell<f64> = const { Cell::new(0.0) };
    static DEBOUNCE: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Starts the triggers; `App` calls it once.
pub fn start() {
    let state = sync_state();
    let account = super::account::load();
    session::use_account_scopes(account.as_ref());
    state.account.set(account);
    state.online.set(browser_online());

    window_event_listener_untyped("online", move |_| {
        state.online.set(true);
        request_sync(false);
    });
    window_event_listener_untyped("offline", move |_| state.online.set(false));
    // Another tab signed in or out, or chose another lab: follow it, so records made here go
    // to the same scopes.
    window_event_listener_untyped("storage", move |_| {
        let account = super::account::load();
        if state.account.with_untracked(|current| *current != account) {
            session::use_account_scopes(account.as_ref());
            state.account.set(account);
        }
    });
    let _ = set_interval_with_handle(
        move || {
            if visible() {
                request_sync(false);
            }
        },
        PERIOD,
    );
    // Every write (here or in another tab) refreshes the count, and a write that left
    // something to push schedules a sync shortly after, so a burst of edits makes one run.
    Effect::new(move |_| {
        revision().track();
        spawn_local(async move {
            let pending = match Store::open().await {
                Ok(store) => store.pushable_changes().await.unwrap_or(0),
                Err(_) => 0,
            };
            state.pending.set(pending);
            if pending > 0 {
                debounce();
            }
        });
    });
    request_sync(false);
}

fn debounce() {
    let handle = set_timeout_with_handle(|| request_sync(false), AFTER_WRITE).ok();
    DEBOUNCE.with(|slot| {
        if let Some(old) = slot.replace(handle) {
            old.clear();
        }
    });
}

/// Asks for a sync. `manual` ("Sync now", sign-in) skips the back-off after failures.
pub fn request_sync(manual: bool) {
    let state = sync_state();
    let Some(account) = state.account.get_untracked() else {
        return;
    };
    if state.syncing.get_untracked() {
        AGAIN.with(|again| again.set(true));
        return;
    }
    if !manual && now() < NOT_BEFORE.with(Cell::get) {
        return;
    }
    state.online.set(browser_online());
    if !browser_online() {
        return;
    }
    state.syncing.set(true);
    state.progress.set(None);
    spawn_local(async move {
        let result = engine::run_from_chunk(account.clone()).await;
        finish(result, &account.token).await;
    });
}

async fn finish(result: Result<(), SyncError>, token: &str) {
    let state = sync_state();
    if let Ok(store) = Store::open().await {
        state.pending.set(store.pushable_changes().await.unwrap_or(0));
    }
    state.syncing.set(false);
    state.progress.set(None);
    match result {
        Ok(()) => {
            FAILURES.with(|f| f.set(0));
            NOT_BEFORE.with(|n| n.set(0.0));
            state.last_error.set(None);
            state.last_synced.set(Some(now()));
        }
        // The user signed out (or in again) while this run was under way: its outcome is moot.
        Err(_)
            if state
                .account
                .with_untracked(|a| a.as_ref().map(|a| a.token.as_str()) != Some(token)) => {}
        Err(SyncError::Api(ApiError::Unauthorized(_))) => {
            session::forget(Some(
                "The server ended this device's session (signed out everywhere, or it expired). \
                 Sign in again: nothing on this device was lost."
                    .into(),
            ))
            .await;
            return;
        }
        Err(err) => {
            let failures = FAILURES.with(|f| {
                f.set(f.get().saturating_add(1));
                f.get()
            });
            let retry_after = match &err {
                SyncError::Api(ApiError::RateLimited { retry_after_secs, .. }) => Some(*retry_after_secs),
                _ => None,
            };
            let delay = retry_delay_secs(failures, retry_after);
            NOT_BEFORE.with(|n| n.set(now() + f64::from(delay) * 1000.0));
            state.online.set(browser_online());
            state.last_error.set(Some(err.to_string()));
            set_timeout(|| request_sync(false), Duration::from_secs(u64::from(delay)));
        }
    }
    if AGAIN.with(|again| again.replace(false)) {
        request_sync(false);
    }
}
