//! The API's one error type: every failure becomes a JSON body `{"error": "..."}` with a 4xx or 5xx status.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub enum ApiError {
    /// The route does not exist.
    NotFound,
    /// The path exists, but not with this method.
    MethodNotAllowed,
    /// The route exists but the thing asked for does not (in a scope the user may read).
    NotFoundWith(String),
    /// The request is malformed (bad JSON, wrong types, unknown fields, bad UTF-8, bad query).
    BadRequest(String),
    /// No valid session token, or wrong email or password.
    Unauthorized(String),
    /// Signed in, but this scope is not the user's. The message never says whether it exists.
    Forbidden(String),
    /// The body or batch is larger than the server accepts.
    TooLarge(String),
    /// The body was not JSON when JSON was required.
    UnsupportedMediaType(String),
    /// Well-formed, but refused by the rules (a stamp from the far future, a hash mismatch).
    Unprocessable(String),
    /// Too many failed sign-ins; try again after this many seconds.
    TooManyAttempts { retry_after_secs: u64 },
    /// Something on the server failed. The detail is logged, never sent: clients must not see
    /// database errors or paths.
    Internal(String),
    /// The database did not answer.
    Unavailable,
}

impl ApiError {
    /// Logs a database (or other server-side) failure and hides it from the client.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        ApiError::Internal(detail.to_string())
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        ApiError::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::NotFound => (StatusCode::NOT_FOUND, "no such API route".to_string()),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "this API route does not answer this method".to_string(),
            ),
            ApiError::NotFoundWith(message) => (StatusCode::NOT_FOUND, message),
            ApiError::BadRequest(message) => (StatusCode::BAD_REQUEST, message),
            ApiError::Unauthorized(message) => (StatusCode::UNAUTHORIZED, message),
            ApiError::Forbidden(message) => (StatusCode::FORBIDDEN, message),
            ApiError::TooLarge(message) => (StatusCode::PAYLOAD_TOO_LARGE, message),
            ApiError::UnsupportedMediaType(message) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, message),
            ApiError::Unprocessable(message) => (StatusCode::UNPROCESSABLE_ENTITY, message),
            ApiError::TooManyAttempts { retry_after_secs } => {
                let body = serde_json::json!({
                    "error": format!("too many failed sign-ins; try again in {retry_after_secs} seconds"),
                });
                let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                return response;
            }
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error; the server log has the details".to_string(),
                )
            }
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database is not answering".to_string(),
            ),
        };
        let mut response = (status, Json(serde_json::json!({ "error": message }))).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
