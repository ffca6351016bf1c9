//! Sign-in rate limiting per account and per client address. Failures are rows in the
//! database, so the limit holds across restarts and across server processes sharing one
//! PostgreSQL.

use sqlx::AnyPool;

use crate::store::db_millis;

/// How far back failures count.
pub const WINDOW_MILLIS: u64 = 15 * 60 * 1000;
/// Failed sign-ins to one account within the window before it is locked for the rest of it.
/// Small, because guessing one person's password is the attack it stops.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed sign-ins from one address within the window; larger, because a lab's devices
/// may share one address behind its router.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

/// The subjects a sign-in attempt is counted against.
pub fn subjects(email: &str, address: &str) -> [(String, i64); 2] {
    [
        (format!("account:{email}"), MAX_FAILURES_PER_ACCOUNT),
        (format!("address:{address}"), MAX_FAILURES_PER_ADDRESS),
    ]
}

/// `Some(seconds to wait)` when any subject has used up its failures in the window.
pub async fn blocked_for(pool: &AnyPool, email: &str, address: &str, now: u64) -> Result<Option<u64>, sqlx::Error> {
    let since = now.saturating_sub(WINDOW_MILLIS);
    for (subject, limit) in subjects(email, address) {
        let (count, oldest): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MIN(at_millis) FROM login_failures WHERE subject = $1 AND at_millis > $2")
                .bind(subject)
                .bind(db_millis(since))
                .fetch_one(pool)
                .await?;
        if count >= limit {
            // The lock lifts when the oldest counted failure leaves the window.
            let oldest = oldest.and_then(|o| u64::try_from(o).ok()).unwrap_or(now);
            let lifts_at = oldest.saturating_add(WINDOW_MILLIS);
            return Ok(Some(lifts_at.saturating_sub(now).div_ceil(1000).max(1)));
        }
    }
    Ok(None)
}

/// Counts a failed sign-in against the account and the address, and forgets failures that
/// have left the window.
pub async fn record_failure(pool: &AnyPool, email: &str, address: &str, now: u64) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for (subject, _) in subjects(email, address) {
        sqlx::query("INSERT INTO login_failures (subject, at_millis) VALUES ($1, $2)")
            .bind(subject)
            .bind(db_millis(now))
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM login_failures WHERE at_millis <= $1")
        .bind(db_millis(now.saturating_sub(WINDOW_MILLIS)))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// After a successful sign-in the account's failures are forgotten (the address's are not:
/// one right password must not reset a guesser's budget for other accounts).
pub async fn record_success(pool: &AnyPool, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE subject = $1")
        .bind(format!("account:{email}"))
        .execute(pool)
        .await?;
    Ok(())
}
