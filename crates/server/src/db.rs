//! The server's database: opening it, migrating it, and checking that it answers.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

/// The embedded database's file name inside the data folder.
pub const SQLITE_FILE: &str = "benchmate.sqlite3";

/// Opens (creating if needed) the SQLite database in `data_dir` and brings its schema up to date.
pub async fn open_sqlite(data_dir: &Path) -> Result<SqlitePool, String> {
    std::fs::create_dir_all(data_dir)
        .map_err(|err| format!("cannot create the data folder {}: {err}", data_dir.display()))?;
    let path = data_dir.join(SQLITE_FILE);
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(|err| err.to_string())?
        .filename(&path)
        .create_if_missing(true)
        // WAL lets readers and the single writer proceed together; NORMAL is durable under WAL
        // against application crashes, which is what a bench server needs.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|err| format!("cannot open the database {}: {err}", path.display()))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|err| format!("cannot migrate the database {}: {err}", path.display()))?;
    Ok(pool)
}

/// True when the database answers a trivial query.
pub async fn is_healthy(pool: &SqlitePool) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(pool).await.is_ok()
}
