//! The test harness: a fresh server database per test (a SQLite file in a temporary
//! folder, or a new database on the PostgreSQL named by `BENCHMATE_TEST_POSTGRES`), the in-process
//! `app`, accounts and labs, and a simulated device that syncs through the HTTP API.

#![allow(dead_code)]

pub mod device;
pub mod process;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use benchmate_core::record::{LabId, UserId};
use benchmate_server::auth::credentials::hash_password;
use benchmate_server::db::{self, Db, Location};
use benchmate_server::store::accounts::{self, Role};
use benchmate_server::{app, AppState};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sqlx::{Connection, Executor};
use tower::ServiceExt;

pub const PASSWORD: &str = "correct horse battery staple";

/// A fresh, empty server database and the in-process app on it.
pub struct TestServer {
    pub app: Router,
    pub db: Db,
    pub location: Location,
    _dir: tempfile::TempDir,
}

/// A signed-in user.
#[derive(Clone, Debug)]
pub struct Account {
    pub email: String,
    pub id: UserId,
    pub token: String,
}

impl Account {
    pub fn personal_scope(&self) -> String {
        format!("personal:{}", self.id)
    }
}

/// The PostgreSQL server the tests use, when `BENCHMATE_TEST_POSTGRES` names one. (Not
/// `DATABASE_URL`: sqlx's macros rebuild whenever that variable changes.)
pub fn postgres_url() -> Option<String> {
    std::env::var("BENCHMATE_TEST_POSTGRES")
        .ok()
        .filter(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"))
}

/// A new empty database on the PostgreSQL at `url`, and its URL.
pub async fn fresh_postgres_database(url: &str) -> String {
    sqlx::any::install_default_drivers();
    let bytes: [u8; 8] = benchmate_server::auth::credentials::random_bytes().unwrap();
    let name = format!("benchmate_test_{}", benchmate_server::auth::credentials::hex(&bytes));
    let mut admin = sqlx::AnyConnection::connect(url).await.expect("PostgreSQL answers");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("the test user may create databases");
    admin.close().await.ok();
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

impl TestServer {
    pub async fn new() -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let location = match postgres_url() {
            Some(url) => Location::Postgres(fresh_postgres_database(&url).await),
            None => Location::Sqlite(dir.path().to_path_buf()),
        };
        let db = db::open(&location).await.expect("the database opens");
        TestServer {
            app: app(AppState::new(db.clone())),
            db,
            location,
            _dir: dir,
        }
    }

    /// Sends a request with an optional bearer token and raw body; answers the status and
    /// the body as JSON (`Value::String` of the text when it is not JSON).
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> (StatusCode, Value) {
        let (status, bytes) = self.send_raw(method, path, token, content_type, body).await;
        let value =
            serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, value)
    }

    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> (StatusCode, Vec<u8>) {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = self
            .app
            .clone()
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, bytes)
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> (StatusCode, Value) {
        self.send(
            Method::POST,
            path,
            token,
            Some("application/json"),
            body.to_string().into_bytes(),
        )
        .await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.send(Method::GET, path, token, None, Vec::new()).await
    }

    /// Creates a user with [`PASSWORD`] and signs them in.
    pub async fn user(&self, email: &str) -> Account {
        let hash = hash_password(PASSWORD).unwrap();
        let user = accounts::add_user(&self.db.pool, email, &hash, 1).await.unwrap();
        let token = self.login(email, PASSWORD).await;
        Account {
            email: user.email,
            id: UserId::new(&user.id).unwrap(),
            token,
        }
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let (status, body) = self
            .post_json(
                "/api/v1/auth/login",
                None,
                &json!({ "email": email, "password": password }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "sign-in of {email}: {body}");
        body["token"].as_str().unwrap().to_string()
    }

    /// Creates a lab with these members.
    pub async fn lab(&self, name: &str, members: &[(&Account, Role)]) -> LabId {
        let id = accounts::add_lab(&self.db.pool, name, 1).await.unwrap();
        for (account, role) in members {
            accounts::add_member(&self.db.pool, &id, &account.email, *role)
                .await
                .unwrap();
        }
        LabId::new(&id).unwrap()
    }
}
