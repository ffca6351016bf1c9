//! Attachments stored by (scope, SHA-256). The bytes are kept as base64 text so that the
//! one portable schema serves SQLite and PostgreSQL.

use base64::Engine;
use benchmate_core::record::{ContentHash, Scope};
use sqlx::AnyPool;

use super::db_millis;

/// Stores the bytes under their hash in `scope`; storing the same bytes again is a no-op.
/// Says whether they were new.
pub async fn put(
    pool: &AnyPool,
    scope: &Scope,
    hash: &ContentHash,
    media_type: &str,
    data: &[u8],
    now: u64,
) -> Result<bool, sqlx::Error> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
    let result = sqlx::query(
        "INSERT INTO attachments (scope, sha256, media_type, size, data_base64, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, sha256) DO NOTHING",
    )
    .bind(scope.to_string())
    .bind(hash.to_string())
    .bind(media_type.to_string())
    .bind(i64::try_from(data.len()).unwrap_or(i64::MAX))
    .bind(encoded)
    .bind(db_millis(now))
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The media type and bytes stored under the hash in `scope`.
pub async fn get(pool: &AnyPool, scope: &Scope, hash: &ContentHash) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT media_type, data_base64 FROM attachments WHERE scope = $1 AND sha256 = $2")
            .bind(scope.to_string())
            .bind(hash.to_string())
            .fetch_optional(pool)
            .await?;
    row.map(|(media_type, encoded)| {
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map(|data| (media_type, data))
            .map_err(|e| sqlx::Error::Protocol(format!("stored attachment is damaged: {e}")))
    })
    .transpose()
}
