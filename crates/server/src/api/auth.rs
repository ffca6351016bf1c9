//! Signing in and out, and who is signed in: `POST /auth/login`, `POST /auth/logout`,
//! `POST /auth/logout-everywhere`, `GET /me`.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json::StrictJson;
use crate::auth::credentials::{decoy_hash, new_token, token_digest, verify_password, MAX_PASSWORD_BYTES};
use crate::auth::{login_limit, now_millis, SignedIn};
use crate::error::ApiError;
use crate::store::accounts::{self, Membership, User};
use crate::AppState;

/// How long a session lasts: a month, so a bench device stays signed in through rotations.
pub const SESSION_MILLIS: u64 = 30 * 24 * 60 * 60 * 1000;

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// Unix milliseconds after which the token no longer works.
    pub expires_at: u64,
}

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Me {
    pub user: User,
    /// The user's personal scope, `personal:<user id>`.
    pub personal_scope: String,
    pub labs: Vec<Membership>,
}

/// The client's address: the last `X-Forwarded-For` entry (the one the proxy added) when
/// the server trusts its proxy, else the socket's peer; "unknown" when served without
/// connection info, as in the in-process tests.
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ClientAddress, Infallible> {
        let forwarded = state
            .trust_proxy
            .then(|| parts.headers.get_all("x-forwarded-for").iter().next_back())
            .flatten()
            .and_then(|value| value.to_str().ok())
            .and_then(|list| list.rsplit(',').next())
            .and_then(|last| last.trim().parse::<std::net::IpAddr>().ok());
        let address = match forwarded {
            Some(ip) => ip.to_string(),
            None => parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_string(), |info| info.0.ip().to_string()),
        };
        Ok(ClientAddress(address))
    }
}

pub async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    StrictJson(request): StrictJson<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    let pool = &state.db.pool;
    let now = now_millis();
    let bad_credentials = || ApiError::Unauthorized("wrong email or password".to_string());
    // An address that is not an email cannot have an account; it is limited like one anyway.
    let email = accounts::normalize_email(&request.email).unwrap_or_else(|_| request.email.trim().to_lowercase());
    let email: String = email.chars().take(254).collect();
    if let Some(retry_after_secs) = login_limit::blocked_for(pool, &email, &address, now).await? {
        return Err(ApiError::TooManyAttempts { retry_after_secs });
    }
    let found = accounts::find_user(pool, &email).await?;
    let password = if request.password.len() > MAX_PASSWORD_BYTES {
        ""
    } else {
        request.password.as_str()
    };
    // Verify against a decoy when there is no such user, so timing does not tell.
    let stored_hash = found.as_ref().map_or(decoy_hash(), |(_, hash)| hash.as_str());
    let matches = verify_password(password, stored_hash);
    let user = match found {
        Some((user, _)) if matches => user,
        _ => {
            login_limit::record_failure(pool, &email, &address, now).await?;
            return Err(bad_credentials());
        }
    };
    login_limit::record_success(pool, &email).await?;
    let token = new_token().map_err(ApiError::internal)?;
    let expires_at = now.saturating_add(SESSION_MILLIS);
    accounts::create_session(pool, &user.id, &token_digest(&token), now, expires_at).await?;
    Ok(Json(LoginResponse { token, expires_at }))
}

/// Ends this session only.
pub async fn logout(State(state): State<AppState>, signed_in: SignedIn) -> Result<StatusCode, ApiError> {
    accounts::delete_session(&state.db.pool, &signed_in.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends every session of the user, on every device ("sign out everywhere").
pub async fn logout_everywhere(State(state): State<AppState>, signed_in: SignedIn) -> Result<StatusCode, ApiError> {
    accounts::delete_user_sessions(&state.db.pool, &signed_in.user.id, now_millis()).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn me(State(state): State<AppState>, signed_in: SignedIn) -> Result<Json<Me>, ApiError> {
    let labs = accounts::memberships(&state.db.pool, &signed_in.user.id).await?;
    Ok(Json(Me {
        personal_scope: format!("personal:{}", signed_in.user.id),
        user: signed_in.user,
        labs,
    }))
}
