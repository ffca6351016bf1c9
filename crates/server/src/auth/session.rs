//! The signed-in user of a request, from its `Authorization: Bearer <token>` header. Every
//! API handler that touches data takes a [`SignedIn`], so a request without a valid,
//! unexpired session never reaches it.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use benchmate_core::record::UserId;

use super::credentials::token_digest;
use super::now_millis;
use crate::error::ApiError;
use crate::store::accounts::{self, User};
use crate::AppState;

/// A request's user and the digest of the token it came with (for sign-out).
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub user: User,
    pub user_id: UserId,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<SignedIn, ApiError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| ApiError::Unauthorized("sign in first: no Authorization: Bearer token".to_string()))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty() && token.len() <= 256)
            .ok_or_else(|| ApiError::Unauthorized("the Authorization header must be `Bearer <token>`".to_string()))?;
        let token_hash = token_digest(token);
        let user = accounts::session_user(&state.db.pool, &token_hash, now_millis())
            .await?
            .ok_or_else(|| {
                ApiError::Unauthorized("the session token is unknown, expired or signed out; sign in again".to_string())
            })?;
        let user_id = UserId::new(&user.id).map_err(ApiError::internal)?;
        Ok(SignedIn {
            user,
            user_id,
            token_hash,
        })
    }
}
