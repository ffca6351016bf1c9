//! What can go wrong with the local store, in words a technician can act on.

use std::fmt;

use benchmate_core::record::{BodyError, RecordId};

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// No IndexedDB: some private-browsing modes, or storage disabled for the site.
    Unavailable(String),
    /// An older copy of the app in another tab holds the database at an old version.
    Blocked,
    /// The device is out of storage space.
    QuotaExceeded,
    /// The record does not exist on this device.
    NotFound(RecordId),
    /// The data or the edit was refused (a bad body, a bad field name, ...).
    Invalid(String),
    /// A backup file that cannot be imported (not JSON, not a Benchmate backup, damaged).
    BadBackup(String),
    /// The browser reported another failure; the message is the browser's.
    Browser(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(
                f,
                "This browser does not let Benchmate store data ({why}). Private browsing often does this: \
                 open Benchmate in a normal window to keep your records."
            ),
            StoreError::Blocked => write!(
                f,
                "An older version of Benchmate is open in another tab. Close it (or reload it), then reload this page."
            ),
            StoreError::QuotaExceeded => write!(
                f,
                "This device is out of storage space, so the change was not saved. Free some space (or export \
                 and remove old attachments), then try again: nothing already saved was lost."
            ),
            StoreError::NotFound(id) => write!(f, "Record {id} is not on this device."),
            StoreError::Invalid(why) => write!(f, "Not saved: {why}"),
            StoreError::BadBackup(why) => write!(f, "This file cannot be imported: {why}"),
            StoreError::Browser(why) => write!(f, "The browser could not save or read data: {why}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<BodyError> for StoreError {
    fn from(err: BodyError) -> StoreError {
        StoreError::Invalid(err.to_string())
    }
}

impl From<idb::Error> for StoreError {
    fn from(err: idb::Error) -> StoreError {
        let text = format!("{err:?}");
        if text.contains("QuotaExceeded") {
            StoreError::QuotaExceeded
        } else {
            StoreError::Browser(err.to_string())
        }
    }
}
