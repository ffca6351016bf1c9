//! `benchmate backup` on either database: SQLite writes a consistent copy with `VACUUM INTO`
//! while the database is in use; PostgreSQL is refused with a pointer to pg_dump.

mod common;

use benchmate_server::db::{self, Backend, Location};
use common::TestServer;

#[tokio::test]
async fn a_backup_is_a_working_copy_or_a_pointer_to_pg_dump() {
    let server = TestServer::new().await;
    server.user("alice@lab.example").await;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("copy.sqlite3");
    let result = db::backup(&server.db, &file).await;
    match server.db.backend {
        Backend::Postgres => {
            let message = result.unwrap_err();
            assert!(message.contains("pg_dump"), "{message}");
        }
        Backend::Sqlite => {
            result.unwrap();
            let restored = tempfile::tempdir().unwrap();
            std::fs::copy(&file, restored.path().join(db::SQLITE_FILE)).unwrap();
            let copy = db::open(&Location::Sqlite(restored.path().to_path_buf()))
                .await
                .unwrap();
            let users = benchmate_server::store::accounts::list_users(&copy.pool).await.unwrap();
            assert_eq!(users.len(), 1);
            assert_eq!(users[0].email, "alice@lab.example");
            // The copy is not overwritten by a second backup.
            assert!(db::backup(&server.db, &file)
                .await
                .unwrap_err()
                .contains("already exists"));
        }
    }
}
