//! `POST /sync/push` and `GET /sync/pull`: the sync protocol of `benchmate_core::sync`,
//! with the checks only a server can make (who may write which scope) and the pure checks
//! made on the whole batch before anything is written.

use std::collections::BTreeSet;

use axum::extract::{Query, State};
use axum::Json;
use benchmate_core::record::Scope;
use benchmate_core::sync::{apply_mutation, PullPage, PullRequest, PushError, PushRequest, PushResponse};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json::StrictJson;
use crate::auth::{now_millis, SignedIn};
use crate::error::ApiError;
use crate::store::accounts::may_access;
use crate::store::records::{self, PullError};
use crate::AppState;

/// The most mutations one push may hold here.
pub const MAX_PUSH_MUTATIONS: usize = PushRequest::MAX_MUTATIONS;

pub async fn push(
    State(state): State<AppState>,
    signed_in: SignedIn,
    StrictJson(request): StrictJson<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    let now = now_millis();
    check_batch(&request, &signed_in, now)?;
    let mut writable = BTreeSet::new();
    let scopes: BTreeSet<&Scope> = request.mutations.iter().map(|m| &m.scope).collect();
    for scope in scopes {
        if may_access(&state.db.pool, &signed_in.user_id, scope).await? {
            writable.insert(scope.clone());
        }
    }
    let response = records::push(&state.db.pool, &signed_in.user_id, &request, &writable, now)
        .await
        .map_err(ApiError::internal)?;
    Ok(Json(response))
}

/// The checks that need no database, on every mutation of the batch, so that a bad one
/// refuses the whole batch before anything is written: the batch's shape, seqs that fit the
/// database, each mutation well formed and not stamped far in the future (the same check
/// the merge makes), and no write claiming another author.
fn check_batch(request: &PushRequest, signed_in: &SignedIn, now: u64) -> Result<(), ApiError> {
    request.validate(MAX_PUSH_MUTATIONS).map_err(|error| match error {
        PushError::TooLarge { .. } => ApiError::TooLarge(error.to_string()),
        other => ApiError::Unprocessable(other.to_string()),
    })?;
    for mutation in &request.mutations {
        if i64::try_from(mutation.seq).is_err() {
            return Err(ApiError::Unprocessable(format!(
                "mutation {} has a seq larger than {}",
                mutation.seq,
                i64::MAX
            )));
        }
        apply_mutation(None, mutation, now).map_err(|error| ApiError::Unprocessable(error.to_string()))?;
        if !mutation.authors_are_at_most(&signed_in.user_id) {
            return Err(ApiError::Unprocessable(format!(
                "mutation {} names another user as the author of a write; a device sends only its user's writes",
                mutation.seq
            )));
        }
    }
    Ok(())
}

/// The query of a pull: `?scope=lab:<id>&cursor=0&limit=100` (limit optional).
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PullQuery {
    /// `personal:<user id>` or `lab:<lab id>`, a scope the user belongs to.
    pub scope: String,
    /// The `next_cursor` of the previous page, or 0 for the first.
    pub cursor: u64,
    /// At most this many changes (1 to 500; 500 when absent).
    #[serde(default = "default_limit")]
    pub limit: u32,
}

fn default_limit() -> u32 {
    PullRequest::MAX_LIMIT
}

pub async fn pull(
    State(state): State<AppState>,
    signed_in: SignedIn,
    query: Result<Query<PullQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PullPage>, ApiError> {
    let Query(query) =
        query.map_err(|rejection| ApiError::BadRequest(format!("bad pull query: {}", rejection.body_text())))?;
    let scope: Scope = query
        .scope
        .parse()
        .map_err(|error| ApiError::BadRequest(format!("bad pull query: {error}")))?;
    if !may_access(&state.db.pool, &signed_in.user_id, &scope).await? {
        return Err(ApiError::Forbidden(format!("you may not read {scope}")));
    }
    let request = PullRequest {
        scope,
        cursor: benchmate_core::sync::Cursor(query.cursor),
        limit: query.limit,
    };
    match records::pull(&state.db.pool, &request).await {
        Ok(page) => Ok(Json(page)),
        Err(PullError::CursorAhead { cursor, latest }) => Err(ApiError::BadRequest(format!(
            "cursor {cursor} is ahead of the latest change in {} ({latest}); pull again from cursor 0",
            request.scope
        ))),
        Err(PullError::Database(err)) => Err(ApiError::internal(err)),
    }
}
