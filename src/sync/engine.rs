//! One sync run: push the outbox in batches, then pull every followed scope page by page,
//! moving attachments along. The store does each step in one transaction, so a run cut off
//! anywhere loses nothing and the next run resumes where this one stopped.

use benchmate_core::record::{Record, Scope};
use benchmate_core::sync::{referenced_attachments, PullRequest, PushRequest, Rejected};
use leptos::prelude::*;

use super::account::Account;
use super::api::{Api, ApiError};
use super::state::{sync_state, PullProgress};
use crate::store::{Acknowledged, Store, StoreError};

/// The most changes one push carries (the server's limit).
const PUSH_BATCH: u32 = PushRequest::MAX_MUTATIONS as u32;
/// The most records one pull page asks for.
const PULL_PAGE: u32 = PullRequest::MAX_LIMIT;
/// A run stops pushing after this many batches and leaves the rest to the next run, so a
/// server that keeps acknowledging nothing cannot hold the run forever.
const MAX_PUSH_ROUNDS: u32 = 200;

/// Why a run stopped early. The outbox and every applied page are kept either way.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncError {
    Api(ApiError),
    Store(StoreError),
    /// The server acknowledged nothing of a batch it accepted.
    Stuck(String),
    /// The sync code's wasm chunk could not be fetched (offline before the service worker
    /// had saved it): nothing was sent or received. Only the split build can meet it.
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    Unloaded,
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::Api(err) => write!(f, "{err}"),
            SyncError::Store(err) => write!(f, "{err}"),
            SyncError::Stuck(why) => write!(f, "{why}"),
            SyncError::Unloaded => write!(f, "The sync code could not be loaded; it will be tried again."),
        }
    }
}

impl From<ApiError> for SyncError {
    fn from(err: ApiError) -> SyncError {
        SyncError::Api(err)
    }
}

impl From<StoreError> for SyncError {
    fn from(err: StoreError) -> SyncError {
        SyncError::Store(err)
    }
}

/// Runs one sync, from its own wasm chunk with the `split` feature: the start page never
/// needs the push and pull code, so a first visit does not download it (issue 2's budget).
pub async fn run_from_chunk(account: Account) -> Result<(), SyncError> {
    #[cfg(feature = "split")]
    {
        match run_split(account).await {
            Ok(run) => run.await,
            Err(_) => Err(SyncError::Unloaded),
        }
    }
    #[cfg(not(feature = "split"))]
    {
        run(&account).await
    }
}

/// The split point: a split function cannot be `async`, so it hands back the run's future.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(sync_engine, fallible)]
#[allow(clippy::type_complexity)]
fn run_split(
    account: Account,
) -> Result<
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), SyncError>>>>,
    wasm_split_helpers::SplitLoaderError,
> {
    Ok(Box::pin(async move { run(&account).await }))
}

/// Runs one sync for `account`: everything pushed, then everything pulled.
pub async fn run(account: &Account) -> Result<(), SyncError> {
    let store = Store::open().await?;
    let api = Api::new(&account.server, Some(account.token.clone()));
    let account = &refresh_labs(&api, account).await?;
    // Records another tab made in a local scope before it learnt of the sign-in are adopted
    // here, so nothing is left behind unsynced.
    if let Some(adoption) = account.adoption() {
        store.adopt(&adoption, account.user().as_ref()).await?;
    }
    push_all(&store, &api).await?;
    for scope in account.pulled_scopes() {
        pull_scope(&store, &api, account, &scope).await?;
    }
    Ok(())
}

/// Asks the server which labs the user belongs to now: a lab added since sign-in appears in
/// Settings, and a lab the user was removed from is no longer pulled (it would be refused).
async fn refresh_labs(api: &Api, account: &Account) -> Result<Account, SyncError> {
    let me = api.me().await?;
    if me.labs == account.labs {
        return Ok(account.clone());
    }
    // Start from the account as it is now, not as the run began: the user may have picked
    // another lab, or signed out, meanwhile (then nothing is saved).
    let Some(current) = sync_state().account.get_untracked() else {
        return Ok(account.clone());
    };
    if current.token != account.token {
        return Ok(account.clone());
    }
    let updated = Account {
        labs: me.labs,
        ..current
    };
    if let Err(why) = super::account::save(&updated) {
        web_sys::console::warn_1(&format!("Benchmate: the lab list was not kept: {why}").into());
    }
    super::session::use_account_scopes(Some(&updated));
    sync_state().account.set(Some(updated.clone()));
    Ok(updated)
}

async fn push_all(store: &Store, api: &Api) -> Result<(), SyncError> {
    let state = sync_state();
    for _ in 0..MAX_PUSH_ROUNDS {
        let (device, mutations) = store.outbox_batch(PUSH_BATCH).await?;
        let Some(first) = mutations.first().map(|m| m.seq) else {
            return Ok(());
        };
        // Files first, so a device that pulls the record can also fetch its certificate.
        for mutation in &mutations {
            upload_attachments(store, api, &mutation.scope, &mutation.to_record()).await?;
        }
        let answer = api.push(&PushRequest { device, mutations }).await?;
        if !answer.rejected.is_empty() {
            state
                .rejected
                .update(|shown| merge_rejected(shown, answer.rejected.clone()));
        }
        match store.acknowledge(answer.acknowledged_up_to).await? {
            Acknowledged::Renumbered => continue,
            Acknowledged::Dropped(0) if answer.acknowledged_up_to < first => {
                return Err(SyncError::Stuck(format!(
                    "the server accepted change {first} but did not confirm it; it will be sent again"
                )));
            }
            Acknowledged::Dropped(_) => {}
        }
        state.pending.set(store.pushable_changes().await?);
    }
    Ok(())
}

/// Keeps the newest refusal of each change, so a retried refusal is shown once.
fn merge_rejected(shown: &mut Vec<Rejected>, new: Vec<Rejected>) {
    for rejected in new {
        shown.retain(|old| old.record != rejected.record || old.seq != rejected.seq);
        shown.push(rejected);
    }
}

async fn upload_attachments(store: &Store, api: &Api, scope: &Scope, record: &Record) -> Result<(), SyncError> {
    for hash in referenced_attachments(record) {
        // A file the record names but this device no longer has cannot be sent; the record
        // still syncs, and a device that has the file can send it.
        if let Some(attachment) = store.get_attachment(hash).await? {
            match api.put_attachment(scope, &attachment).await {
                Ok(()) => {}
                // Too large or refused for good: sending it again will not help, and holding
                // back the record's other changes would be worse.
                Err(ApiError::Refused { status, message }) if status == 413 || status == 422 => {
                    web_sys::console::warn_1(&format!("Benchmate: attachment {hash} not uploaded: {message}").into());
                }
                Err(err) => return Err(err.into()),
            }
        }
    }
    Ok(())
}

async fn download_missing(store: &Store, api: &Api, record: &Record) -> Result<(), SyncError> {
    for hash in referenced_attachments(record) {
        if store.get_attachment(hash).await?.is_none() {
            match api.get_attachment(record.scope(), hash).await {
                Ok(attachment) => {
                    store.put_attachment(&attachment).await?;
                }
                // Not uploaded (yet): the record is still useful; the next pull of a later
                // change, or a device that has the file, brings it.
                Err(ApiError::Refused { status: 404, .. }) => {}
                Err(err) => return Err(err.into()),
            }
        }
    }
    Ok(())
}

async fn pull_scope(store: &Store, api: &Api, account: &Account, scope: &Scope) -> Result<(), SyncError> {
    let state = sync_state();
    let label = match scope {
        Scope::Personal(_) => "your records".to_string(),
        Scope::Lab(_) => account.lab_name().unwrap_or_else(|| "the lab's records".into()),
    };
    let mut cursor = store.cursor(scope).await?;
    let mut progress = PullProgress {
        scope_label: label,
        pages: 0,
        records: 0,
    };
    loop {
        let page = api.pull(scope, cursor, PULL_PAGE).await?;
        let applied = store.apply_page(&page).await?;
        for refused in applied.refused {
            web_sys::console::warn_1(&format!("Benchmate: a pulled record was not merged: {refused}").into());
        }
        for pulled in &page.changes {
            download_missing(store, api, &pulled.record).await?;
        }
        progress.pages += 1;
        progress.records += page.changes.len() as u32;
        // Only a pull longer than one page is worth a progress bar.
        if page.has_more || progress.pages > 1 {
            state.progress.set(Some(progress.clone()));
        }
        cursor = page.next_cursor;
        if !page.has_more {
            return Ok(());
        }
    }
}
