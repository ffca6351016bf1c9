//! The queries behind the API and the admin commands, in portable SQL that SQLite and
//! PostgreSQL both run: accounts, labs and sessions; the sync store (push and pull);
//! attachments. Every piece of shared state lives in the database, so several server
//! processes on one PostgreSQL agree.

pub mod accounts;
pub mod attachments;
pub mod records;

/// Unix milliseconds as the database stores them (BIGINT). Times past year 292 million
/// saturate rather than wrap.
pub fn db_millis(millis: u64) -> i64 {
    i64::try_from(millis).unwrap_or(i64::MAX)
}
