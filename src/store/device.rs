//! This device's identity for sync: its id, its next sequence number and its clock, and the
//! local scopes records use before any account exists.

use std::cell::RefCell;

use benchmate_core::record::{DeviceId, RecordId, Scope, Stamp, UserId};
use serde::{Deserialize, Serialize};

use super::StoreError;

/// What the store keeps about this device, in the `meta` store, updated in every write.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DeviceState {
    pub id: DeviceId,
    /// The sequence number the next mutation gets (server-side replay detection).
    pub next_seq: u64,
    /// The latest clock stamp handed out, so the clock never runs backwards across reloads.
    pub latest: Option<Stamp>,
    /// The signed-in user, if any, named as the author of writes.
    #[serde(default)]
    pub user: Option<String>,
}

impl DeviceState {
    pub fn new() -> Result<DeviceState, StoreError> {
        Ok(DeviceState {
            id: DeviceId::from_random_bytes(random_bytes()?),
            next_seq: 1,
            latest: None,
            user: None,
        })
    }

    pub fn author(&self) -> Option<UserId> {
        self.user.as_deref().and_then(|user| UserId::new(user).ok())
    }
}

thread_local! {
    /// The scopes new records get: the signed-in user's and the followed lab's, set by sync.
    static ACCOUNT_SCOPES: RefCell<(Option<Scope>, Option<Scope>)> = const { RefCell::new((None, None)) };
}

/// Tells the store which scopes new records go to: the signed-in user's personal scope and
/// the followed lab's (`None` for no account, or no lab followed).
pub fn set_account_scopes(personal: Option<Scope>, lab: Option<Scope>) {
    ACCOUNT_SCOPES.with(|scopes| *scopes.borrow_mut() = (personal, lab));
}

/// The scope of a new personal record: the signed-in user's, or `personal:local` with no
/// account (signing in adopts those).
pub fn personal_scope() -> Scope {
    ACCOUNT_SCOPES
        .with(|scopes| scopes.borrow().0.clone())
        .unwrap_or_else(benchmate_core::sync::local_personal_scope)
}

/// The scope of a new lab record: the followed lab's, or `lab:local` while the device
/// follows no lab (following one adopts those).
pub fn lab_scope() -> Scope {
    ACCOUNT_SCOPES
        .with(|scopes| scopes.borrow().1.clone())
        .unwrap_or_else(benchmate_core::sync::local_lab_scope)
}

pub fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

/// A new UUIDv7 record id from the wall clock and the browser's cryptographic randomness.
pub fn new_record_id() -> Result<RecordId, StoreError> {
    let bytes: [u8; 16] = random_bytes()?;
    let mut random = [0u8; 10];
    random.copy_from_slice(&bytes[..10]);
    RecordId::new_v7(now_millis(), random).map_err(|err| StoreError::Invalid(err.to_string()))
}

fn random_bytes() -> Result<[u8; 16], StoreError> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| StoreError::Unavailable("no cryptographic random numbers".into()))?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| StoreError::Browser("random numbers failed".into()))?;
    Ok(bytes)
}
