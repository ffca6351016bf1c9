//! `PUT` and `GET /attachments/{scope}/{sha256}`: content-addressed attachment bytes, kept per
//! scope so that only the scope's users can fetch them, checked against their hash on upload.

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use benchmate_core::record::{ContentHash, Scope};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json::read_body;
use crate::auth::{now_millis, SignedIn};
use crate::error::ApiError;
use crate::store::accounts::may_access;
use crate::store::attachments;
use crate::AppState;

/// The largest attachment accepted: a phone photo of a certificate or a scanned PDF fits.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Stored {
    pub sha256: String,
    pub size: usize,
    /// False when the same bytes were already stored in this scope.
    pub created: bool,
}

/// The scope and hash of the path, after checking that the user may use the scope.
async fn target(
    state: &AppState,
    signed_in: &SignedIn,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<(Scope, ContentHash), ApiError> {
    let Path((scope, hash)) = path.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
    let scope: Scope = scope
        .parse()
        .map_err(|error| ApiError::BadRequest(format!("bad attachment path: {error}")))?;
    let hash: ContentHash = hash
        .parse()
        .map_err(|error| ApiError::BadRequest(format!("bad attachment path: {error}")))?;
    if !may_access(&state.db.pool, &signed_in.user_id, &scope).await? {
        return Err(ApiError::Forbidden(format!("you may not use attachments of {scope}")));
    }
    Ok((scope, hash))
}

pub async fn upload(
    State(state): State<AppState>,
    signed_in: SignedIn,
    path: Result<Path<(String, String)>, PathRejection>,
    request: Request,
) -> Result<(StatusCode, Json<Stored>), ApiError> {
    let (scope, claimed) = target(&state, &signed_in, path).await?;
    let media_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .filter(|value| value.len() <= 200)
        .unwrap_or("application/octet-stream")
        .to_string();
    let data = read_body(request, &state).await?;
    if data.len() > MAX_ATTACHMENT_BYTES {
        return Err(ApiError::TooLarge(format!(
            "an attachment may be at most {MAX_ATTACHMENT_BYTES} bytes"
        )));
    }
    let actual = ContentHash::of(&data);
    if actual != claimed {
        return Err(ApiError::Unprocessable(format!(
            "the body's SHA-256 is {actual}, not {claimed} as the path says; the upload was damaged"
        )));
    }
    let created = attachments::put(&state.db.pool, &scope, &actual, &media_type, &data, now_millis()).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((
        status,
        Json(Stored {
            sha256: actual.to_string(),
            size: data.len(),
            created,
        }),
    ))
}

pub async fn download(
    State(state): State<AppState>,
    signed_in: SignedIn,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let (scope, hash) = target(&state, &signed_in, path).await?;
    let (media_type, data) = attachments::get(&state.db.pool, &scope, &hash)
        .await?
        .ok_or_else(|| ApiError::NotFoundWith(format!("no attachment {hash} in {scope}")))?;
    let mut response = Body::from(data).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&media_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    // Uploaded bytes are never rendered inside the app's origin: a stored HTML file must
    // not become script running with the user's session.
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    Ok(response)
}
