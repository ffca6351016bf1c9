//! The `/api/v1` routes.

mod health;

use axum::routing::get;
use axum::Router;

use crate::error::ApiError;
use crate::AppState;

/// Every `/api/v1` route; unknown API paths answer a JSON 404, never the app's HTML.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .fallback(|| async { ApiError::NotFound })
}
