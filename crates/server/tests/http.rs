//! The server's HTTP behaviour, driven in-process through `app(state)` against a real SQLite file.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use benchmate_server::{app, AppState};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = benchmate_server::db::open_sqlite(dir.path()).await.unwrap();
    (AppState::new(db), dir)
}

async fn get(path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let (state, _dir) = state().await;
    let response = app(state)
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_reports_the_database() {
    let (status, headers, body) = get("/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], "sqlite");
}

#[tokio::test]
async fn unknown_api_routes_are_json_404s_not_the_app() {
    let (status, headers, body) = get("/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert!(body.contains("\"error\""), "{body}");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for path in ["/api/v1/health", "/no-such-file.js"] {
        let (_, headers, _) = get(path).await;
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
    }
}

#[tokio::test]
async fn missing_files_are_404_and_unknown_app_routes_are_not() {
    let (status, _, _) = get("/no-such-file.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An app route is either the app's index.html (when the app is built) or a 503 that says
    // how to build it, never a 404: a reload on any screen must work.
    let (status, headers, body) = get("/calculators").await;
    match status {
        StatusCode::OK => {
            assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
            assert!(headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"));
            assert!(body.contains("<html"), "{body}");
        }
        StatusCode::SERVICE_UNAVAILABLE => assert!(body.contains("cargo xtask run"), "{body}"),
        other => panic!("unexpected status {other} for an app route"),
    }
}

#[tokio::test]
async fn the_database_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let first = benchmate_server::db::open_sqlite(dir.path()).await.unwrap();
    sqlx::query("INSERT INTO server_meta (key, value) VALUES ('instance', 'a')")
        .execute(&first.pool)
        .await
        .unwrap();
    first.pool.close().await;
    let second = benchmate_server::db::open_sqlite(dir.path()).await.unwrap();
    let value: String = sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'instance'")
        .fetch_one(&second.pool)
        .await
        .unwrap();
    assert_eq!(value, "a");
}

#[tokio::test]
async fn database_failures_are_500s_that_reveal_nothing() {
    let (state, _dir) = state().await;
    state.db.pool.close().await;
    let request = Request::post("/api/v1/auth/login")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"email": "a@b.c", "password": "whatever it is"}"#))
        .unwrap();
    let response = app(state).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "error": "internal error; the server log has the details" })
    );
}
