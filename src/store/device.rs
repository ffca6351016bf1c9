//! This device's identity for sync: its id, its next sequence number and its clock, and the
//! local scopes records use before any account exists.

use benchmate_core::record::{DeviceId, LabId, RecordId, Scope, Stamp, UserId};
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

/// The personal scope of records made with no account (`personal:local`); signing in adopts them.
pub fn personal_scope() -> Scope {
    Scope::Personal(UserId::new("local").expect("a valid id"))
}

/// The lab scope of lab records made before the device follows a lab (`lab:local`).
pub fn lab_scope() -> Scope {
    Scope::Lab(LabId::new("local").expect("a valid id"))
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
