//! The server's database: SQLite (a file in the data folder) or PostgreSQL, opened through
//! sqlx's `Any` driver so that one set of portable SQL statements and one set of migrations
//! serve both; opening, migrating, checking that it answers, and backing it up.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

/// The embedded database's file name inside the data folder.
pub const SQLITE_FILE: &str = "benchmate.sqlite3";

/// Which database the server keeps its data in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The SQLite file [`SQLITE_FILE`] in this folder.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (`postgres://...` or `postgresql://...`).
    Postgres(String),
}

impl Location {
    /// PostgreSQL when `database_url` is a postgres URL, else the SQLite file in `data_dir`.
    /// Any other non-empty `DATABASE_URL` is refused rather than silently ignored.
    pub fn choose(data_dir: &Path, database_url: Option<&str>) -> Result<Location, String> {
        match database_url.map(str::trim).filter(|url| !url.is_empty()) {
            None => Ok(Location::Sqlite(data_dir.to_path_buf())),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Location::Postgres(url.to_string()))
            }
            Some(_) => Err(
                "DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host/db); \
                 leave it unset to use SQLite in the --data folder"
                    .to_string(),
            ),
        }
    }

    /// For logs and messages: never prints a password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(dir) => format!("SQLite in {}", dir.join(SQLITE_FILE).display()),
            Location::Postgres(_) => "PostgreSQL (DATABASE_URL)".to_string(),
        }
    }
}

/// Which SQL dialect the pool speaks, for the few statements that differ (backup, health).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

/// An open, migrated database.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

/// Opens (creating if needed) the database and brings its schema up to date.
pub async fn open(location: &Location) -> Result<Db, String> {
    sqlx::any::install_default_drivers();
    let (url, backend) = match location {
        Location::Sqlite(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|err| format!("cannot create the data folder {}: {err}", dir.display()))?;
            let path = dir.join(SQLITE_FILE);
            (format!("sqlite://{}?mode=rwc", path.display()), Backend::Sqlite)
        }
        Location::Postgres(url) => (url.clone(), Backend::Postgres),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets readers and the single writer proceed together; NORMAL is
                    // durable under WAL against application crashes; the busy timeout makes
                    // a second writer wait for the first instead of failing.
                    connection
                        .execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .map_err(|err| format!("cannot open the database ({}): {err}", location.describe()))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|err| format!("cannot migrate the database ({}): {err}", location.describe()))?;
    Ok(Db { pool, backend })
}

/// Opens the SQLite database in `data_dir` (the default deployment, and most tests).
pub async fn open_sqlite(data_dir: &Path) -> Result<Db, String> {
    open(&Location::Sqlite(data_dir.to_path_buf())).await
}

/// True when the database answers a trivial query.
pub async fn is_healthy(db: &Db) -> bool {
    db.pool.execute("SELECT 1").await.is_ok()
}

/// Writes a consistent copy of the database to `file` while the server may be running.
/// SQLite's `VACUUM INTO` reads inside one transaction, so the copy is a snapshot.
pub async fn backup(db: &Db, file: &Path) -> Result<(), String> {
    match db.backend {
        Backend::Postgres => Err("the database is PostgreSQL: back it up with pg_dump (for example \
             `pg_dump --format=custom --file=benchmate.dump \"$DATABASE_URL\"`)"
            .to_string()),
        Backend::Sqlite => {
            if file.exists() {
                return Err(format!("{} already exists; choose a new file name", file.display()));
            }
            let target = file
                .to_str()
                .ok_or_else(|| format!("{} is not a UTF-8 path", file.display()))?;
            sqlx::query("VACUUM INTO $1")
                .bind(target.to_string())
                .execute(&db.pool)
                .await
                .map(|_| ())
                .map_err(|err| format!("cannot write the backup {}: {err}", file.display()))
        }
    }
}
