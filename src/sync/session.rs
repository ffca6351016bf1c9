//! Signing in and out, and choosing the followed lab: each saves the account, points new
//! records at the account's scopes, and adopts the records made before.

use benchmate_core::sync::{local_lab_scope, local_personal_scope, Adoption};
use leptos::prelude::*;

use super::account::{self, Account};
use super::api::{Api, ApiError};
use super::state::sync_state;
use super::triggers::request_sync;
use crate::store::{set_account_scopes, Store};

/// Points new records at `account`'s scopes (or the local ones with no account).
pub fn use_account_scopes(account: Option<&Account>) {
    match account {
        Some(account) => set_account_scopes(account.personal(), account.lab()),
        None => set_account_scopes(None, None),
    }
}

/// Signs in: gets a token and the user's labs, saves them, adopts this device's records made
/// with no account, and starts a sync. The error is a sentence for the form.
pub async fn sign_in(server: &str, email: &str, password: &str) -> Result<(), String> {
    let server = if server.trim().is_empty() {
        account::own_origin()
    } else {
        server.trim().to_string()
    };
    if email.trim().is_empty() || password.is_empty() {
        return Err("Enter your email and password.".into());
    }
    let mut api = Api::new(&server, None);
    let token = api.login(email.trim(), password).await.map_err(sign_in_message)?.token;
    api.token = Some(token.clone());
    let me = api.me().await.map_err(sign_in_message)?;
    let account = Account {
        server: api.server.clone(),
        token,
        user_id: me.user.id,
        email: me.user.email,
        personal_scope: me.personal_scope,
        labs: me.labs,
        followed_lab: None,
    };
    activate(account).await
}

fn sign_in_message(err: ApiError) -> String {
    match err {
        ApiError::Unauthorized(_) => "Wrong email or password.".into(),
        ApiError::RateLimited { .. } => format!("Not signed in: {err}."),
        other => format!("Not signed in: {other}."),
    }
}

/// Saves `account`, adopts local records into its scopes, and syncs.
async fn activate(account: Account) -> Result<(), String> {
    let adoption = account
        .adoption()
        .ok_or_else(|| "The server named an account this app cannot use.".to_string())?;
    account::save(&account)?;
    use_account_scopes(Some(&account));
    let store = Store::open().await.map_err(|err| err.to_string())?;
    store
        .adopt(&adoption, account.user().as_ref())
        .await
        .map_err(|err| format!("Signed in, but this device's records could not be moved to the account: {err}"))?;
    let state = sync_state();
    state.last_error.set(None);
    state.account.set(Some(account));
    request_sync(true);
    Ok(())
}

/// Follows the lab with scope `lab` (or none): its shared data syncs to this device, and lab
/// records made while following none move into it.
pub async fn follow_lab(lab: Option<String>) -> Result<(), String> {
    let state = sync_state();
    let Some(mut account) = state.account.get_untracked() else {
        return Err("Sign in first.".into());
    };
    account.followed_lab = lab;
    activate(account).await
}

/// Signs out of this device (or, with `everywhere`, of every device). The records stay on
/// this device; new ones are local again until the next sign-in.
pub async fn sign_out(everywhere: bool) -> Result<(), String> {
    let state = sync_state();
    let Some(account) = state.account.get_untracked() else {
        return Ok(());
    };
    let api = Api::new(&account.server, Some(account.token.clone()));
    let told_server = if everywhere {
        api.logout_everywhere().await
    } else {
        api.logout().await
    };
    match told_server {
        // A session the server already ended is signed out as wanted.
        Ok(()) | Err(ApiError::Unauthorized(_)) => {}
        // Signing out of this device works offline; "everywhere" needs the server.
        Err(err) if everywhere => return Err(format!("Not signed out everywhere: {err}.")),
        Err(_) => {}
    }
    forget(None).await;
    Ok(())
}

/// Drops the account on this device, showing `why` (the server ended the session).
pub async fn forget(why: Option<String>) {
    let state = sync_state();
    account::clear();
    use_account_scopes(None);
    state.account.set(None);
    state.progress.set(None);
    state.last_error.set(why);
    if let Ok(store) = Store::open().await {
        // Only the author of later writes changes: nothing is local to adopt after sign-in.
        let nothing_moves = Adoption {
            personal: local_personal_scope(),
            lab: Some(local_lab_scope()),
        };
        let _ = store.adopt(&nothing_moves, None).await;
    }
}
