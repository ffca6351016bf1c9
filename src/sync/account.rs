//! The account this device is signed in with, kept in `localStorage`: the server address,
//! the session token, who the user is, their labs, and the lab this device follows.
//!
//! `localStorage` rather than IndexedDB because the store hands out the account's scopes to
//! every new record synchronously (`store::personal_scope()`), and because the token must not
//! travel in backups (`Export everything` copies IndexedDB). The token is as exposed to a
//! script injected into the page as it would be in IndexedDB; the strict Content-Security-Policy
//! is what keeps such scripts out.

use benchmate_core::record::{Scope, UserId};
use benchmate_core::sync::Adoption;
use serde::{Deserialize, Serialize};

use super::api::LabMembership;

const STORAGE_KEY: &str = "benchmate.account";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The server's address, without a trailing slash (the app's own origin by default).
    pub server: String,
    pub token: String,
    pub user_id: String,
    pub email: String,
    pub personal_scope: String,
    pub labs: Vec<LabMembership>,
    /// The scope of the lab whose shared data this device follows, if any.
    pub followed_lab: Option<String>,
}

impl Account {
    pub fn personal(&self) -> Option<Scope> {
        self.personal_scope.parse().ok()
    }

    pub fn user(&self) -> Option<UserId> {
        UserId::new(&self.user_id).ok()
    }

    /// The followed lab's scope, if the user still belongs to it.
    pub fn lab(&self) -> Option<Scope> {
        let followed = self.followed_lab.as_ref()?;
        self.labs
            .iter()
            .find(|lab| &lab.scope == followed)
            .and_then(|lab| lab.scope.parse().ok())
    }

    pub fn lab_name(&self) -> Option<String> {
        let followed = self.followed_lab.as_ref()?;
        self.labs
            .iter()
            .find(|lab| &lab.scope == followed)
            .map(|lab| lab.name.clone())
    }

    /// The scopes this device pulls: the user's own, then the followed lab's.
    pub fn pulled_scopes(&self) -> Vec<Scope> {
        self.personal().into_iter().chain(self.lab()).collect()
    }

    /// Where this device's local records go.
    pub fn adoption(&self) -> Option<Adoption> {
        Some(Adoption {
            personal: self.personal()?,
            lab: self.lab(),
        })
    }
}

/// The app's own origin (`https://bench.example`), the default server address.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load() -> Option<Account> {
    let text = storage()?.get_item(STORAGE_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves the account; says so when the browser refuses (private mode, storage full).
pub fn save(account: &Account) -> Result<(), String> {
    let text = serde_json::to_string(account).map_err(|err| err.to_string())?;
    storage()
        .ok_or_else(|| "this browser does not let Benchmate keep a sign-in".to_string())?
        .set_item(STORAGE_KEY, &text)
        .map_err(|_| "this browser refused to keep the sign-in (storage full or private mode)".to_string())
}

pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
