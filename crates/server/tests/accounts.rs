//! Signing in and out: tokens, expiry, sign-out everywhere, and the sign-in rate limits per
//! account and per address (kept in the database).

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use benchmate_server::auth::credentials::{hash_password, token_digest};
use benchmate_server::auth::login_limit::{MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS};
use benchmate_server::store::accounts;
use common::{TestServer, PASSWORD};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

/// A sign-in from `address`, as the socket would report it.
async fn login_from(
    server: &TestServer,
    address: &str,
    email: &str,
    password: &str,
) -> (StatusCode, Value, Option<String>) {
    let mut request = Request::post("/api/v1/auth/login")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({ "email": email, "password": password }).to_string()))
        .unwrap();
    let socket: SocketAddr = format!("{address}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(socket));
    let response = server.app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap().to_string());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&body).unwrap(), retry_after)
}

#[tokio::test]
async fn sign_in_gives_a_token_and_bad_credentials_a_json_401() {
    let server = TestServer::new().await;
    let alice = server.user("Alice@Lab.example").await;
    assert_eq!(alice.email, "alice@lab.example", "emails are stored lowercased");
    // Case and spaces in the email do not matter.
    server.login("  ALICE@lab.example ", PASSWORD).await;
    for (email, password) in [
        ("alice@lab.example", "wrong password!"),
        ("nobody@lab.example", PASSWORD),
        ("not an email", PASSWORD),
    ] {
        let (status, body) = server
            .post_json(
                "/api/v1/auth/login",
                None,
                &json!({ "email": email, "password": password }),
            )
            .await;
        assert_eq!(status, 401, "{email}");
        // The same words for a wrong password and a missing account.
        assert_eq!(body, json!({ "error": "wrong email or password" }));
    }
    let (status, me) = server.get("/api/v1/me", Some(&alice.token)).await;
    assert_eq!(status, 200);
    assert_eq!(me["user"]["email"], "alice@lab.example");
    // The database keeps only the token's SHA-256.
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&server.db.pool)
        .await
        .unwrap();
    assert!(stored.contains(&token_digest(&alice.token)));
    assert!(!stored.contains(&alice.token));
}

#[tokio::test]
async fn sign_out_ends_one_session_and_sign_out_everywhere_ends_all() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let tablet = server.login("alice@lab.example", PASSWORD).await;
    let laptop = server.login("alice@lab.example", PASSWORD).await;
    let bob = server.user("bob@lab.example").await;

    let (status, _) = server
        .post_json("/api/v1/auth/logout", Some(&alice.token), &json!(null))
        .await;
    assert_eq!(status, 204);
    assert_eq!(server.get("/api/v1/me", Some(&alice.token)).await.0, 401);
    assert_eq!(server.get("/api/v1/me", Some(&tablet)).await.0, 200);

    let (status, _) = server
        .post_json("/api/v1/auth/logout-everywhere", Some(&tablet), &json!(null))
        .await;
    assert_eq!(status, 204);
    assert_eq!(server.get("/api/v1/me", Some(&tablet)).await.0, 401);
    assert_eq!(server.get("/api/v1/me", Some(&laptop)).await.0, 401);
    assert_eq!(
        server.get("/api/v1/me", Some(&bob.token)).await.0,
        200,
        "other users stay signed in"
    );
}

#[tokio::test]
async fn expired_sessions_and_reset_passwords_sign_out() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    // A session that expired a millisecond ago.
    let now = benchmate_server::auth::now_millis();
    accounts::create_session(
        &server.db.pool,
        alice.id.as_str(),
        &token_digest("old-token"),
        now - 10,
        now - 1,
    )
    .await
    .unwrap();
    let (status, body) = server.get("/api/v1/me", Some("old-token")).await;
    assert_eq!(status, 401);
    assert!(body["error"].as_str().unwrap().contains("expired"), "{body}");

    let new_hash = hash_password("a brand new passphrase").unwrap();
    accounts::set_password(&server.db.pool, "alice@lab.example", &new_hash)
        .await
        .unwrap();
    assert_eq!(server.get("/api/v1/me", Some(&alice.token)).await.0, 401);
    server.login("alice@lab.example", "a brand new passphrase").await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_from_other_addresses() {
    let server = TestServer::new().await;
    server.user("alice@lab.example").await;
    for attempt in 0..MAX_FAILURES_PER_ACCOUNT {
        let address = format!("10.0.0.{attempt}");
        let (status, _, _) = login_from(&server, &address, "alice@lab.example", "guess").await;
        assert_eq!(status, 401);
    }
    // Now even the right password is refused, from anywhere, with a Retry-After.
    let (status, body, retry_after) = login_from(&server, "10.9.9.9", "alice@lab.example", PASSWORD).await;
    assert_eq!(status, 429, "{body}");
    assert!(body["error"].as_str().unwrap().contains("too many failed sign-ins"));
    let seconds: u64 = retry_after.unwrap().parse().unwrap();
    assert!((1..=15 * 60).contains(&seconds), "{seconds}");
    // The lock is in the database: a second app on the same database agrees.
    let second = benchmate_server::app(benchmate_server::AppState::new(server.db.clone()));
    let request = Request::post("/api/v1/auth/login")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({ "email": "alice@lab.example", "password": PASSWORD }).to_string(),
        ))
        .unwrap();
    assert_eq!(second.oneshot(request).await.unwrap().status(), 429);
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_locked_out() {
    let server = TestServer::new().await;
    server.user("victim@lab.example").await;
    for n in 0..MAX_FAILURES_PER_ADDRESS {
        let (status, _, _) = login_from(&server, "192.0.2.7", &format!("user{n}@lab.example"), "guess").await;
        assert_eq!(status, 401);
    }
    let (status, _, _) = login_from(&server, "192.0.2.7", "victim@lab.example", PASSWORD).await;
    assert_eq!(status, 429, "the address is locked");
    let (status, _, _) = login_from(&server, "198.51.100.1", "victim@lab.example", PASSWORD).await;
    assert_eq!(status, 200, "the account itself is not");
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_limited() {
    let server = TestServer::new().await;
    server.user("victim@lab.example").await;
    let mut state = benchmate_server::AppState::new(server.db.clone());
    state.trust_proxy = true;
    let proxied = benchmate_server::app(state);
    // Every request comes from the proxy on loopback; the client is the last forwarded entry.
    let login = |client: &str, email: &str, password: &str| {
        let mut request = Request::post("/api/v1/auth/login")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-forwarded-for", format!("203.0.113.99, {client}"))
            .body(Body::from(json!({ "email": email, "password": password }).to_string()))
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo::<SocketAddr>("127.0.0.1:50000".parse().unwrap()));
        proxied.clone().oneshot(request)
    };
    for n in 0..MAX_FAILURES_PER_ADDRESS {
        let response = login("192.0.2.50", &format!("user{n}@lab.example"), "guess")
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
    let response = login("192.0.2.50", "victim@lab.example", PASSWORD).await.unwrap();
    assert_eq!(response.status(), 429, "the guessing client is locked");
    let response = login("192.0.2.51", "victim@lab.example", PASSWORD).await.unwrap();
    assert_eq!(response.status(), 200, "another client behind the same proxy is not");
}
