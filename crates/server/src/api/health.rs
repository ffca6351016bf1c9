//! `GET /api/v1/health`: whether the server and its database answer, for monitoring and the app's sync status.

use axum::extract::State;
use axum::Json;
use schemars::JsonSchema;
use serde::Serialize;

use crate::error::ApiError;
use crate::AppState;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub database: &'static str,
}

pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    if !crate::db::is_healthy(&state.db).await {
        return Err(ApiError::Unavailable);
    }
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        database: state.db.backend.name(),
    }))
}
