//! What the app knows about sync, as signals that live as long as the page: the account,
//! whether a sync runs, the network, pending changes, the last success and error, refused
//! changes, and the progress of a pull.

use benchmate_core::sync::{Rejected, SyncStatus};
use leptos::prelude::*;

use super::account::Account;
use crate::store::page_lifetime;

/// How far the current pull has come. The server does not say how many changes remain, so
/// this counts pages and records received; the bar is per page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullProgress {
    pub scope_label: String,
    pub pages: u32,
    pub records: u32,
}

#[derive(Clone, Copy)]
pub struct SyncState {
    pub account: RwSignal<Option<Account>>,
    pub syncing: RwSignal<bool>,
    pub online: RwSignal<bool>,
    pub pending: RwSignal<u32>,
    /// When the last sync finished without error (milliseconds since 1970).
    pub last_synced: RwSignal<Option<f64>>,
    pub last_error: RwSignal<Option<String>>,
    /// Changes the server refused for good, with its reasons; their data stays on the device.
    pub rejected: RwSignal<Vec<Rejected>>,
    pub progress: RwSignal<Option<PullProgress>>,
}

thread_local! {
    static STATE: SyncState = page_lifetime(|| SyncState {
        account: RwSignal::new(None),
        syncing: RwSignal::new(false),
        online: RwSignal::new(true),
        pending: RwSignal::new(0),
        last_synced: RwSignal::new(None),
        last_error: RwSignal::new(None),
        rejected: RwSignal::new(Vec::new()),
        progress: RwSignal::new(None),
    });
}

pub fn sync_state() -> SyncState {
    STATE.with(|state| *state)
}

impl SyncState {
    /// The indicator's status, from core's rules.
    pub fn status(&self) -> SyncStatus {
        SyncStatus::decide(
            self.account.with(Option::is_some),
            self.online.get(),
            self.syncing.get(),
            self.pending.get(),
            self.last_error.get().as_deref(),
        )
    }
}
