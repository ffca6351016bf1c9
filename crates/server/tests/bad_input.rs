//! Malformed requests: each is a 4xx with a JSON error that names the problem, never a 5xx,
//! and never a partial write.

mod common;

use axum::http::Method;
use benchmate_core::record::Scope;
use common::device::Device;
use common::TestServer;
use serde_json::{json, Value};

fn check(case: &str, status: axum::http::StatusCode, body: &Value, expect_status: u16, expect_text: &str) {
    assert_eq!(status.as_u16(), expect_status, "{case}: {body}");
    let message = body["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{case}: no JSON error in {body}"));
    assert!(
        message.contains(expect_text),
        "{case}: {message:?} should mention {expect_text:?}"
    );
}

#[tokio::test]
async fn bad_sign_in_bodies_are_named() {
    let server = TestServer::new().await;
    // (case, Content-Type, body, expected status, expected words)
    type Case = (&'static str, Option<&'static str>, Vec<u8>, u16, &'static str);
    let cases: Vec<Case> = vec![
        (
            "malformed JSON",
            Some("application/json"),
            b"{\"email\": ".to_vec(),
            400,
            "not valid JSON",
        ),
        (
            "wrong type",
            Some("application/json"),
            br#"{"email": 1, "password": "x"}"#.to_vec(),
            400,
            "invalid type: integer `1`",
        ),
        (
            "missing field",
            Some("application/json"),
            br#"{"email": "a@b.c"}"#.to_vec(),
            400,
            "missing field `password`",
        ),
        (
            "unknown field",
            Some("application/json"),
            br#"{"email": "a@b.c", "password": "x", "role": "admin"}"#.to_vec(),
            400,
            "unknown field role",
        ),
        (
            "invalid UTF-8",
            Some("application/json"),
            b"{\"email\": \"a\xc3\x28@b.c\", \"password\": \"x\"}".to_vec(),
            400,
            "not valid UTF-8",
        ),
        (
            "not JSON at all",
            Some("text/plain"),
            b"email=a".to_vec(),
            415,
            "Content-Type: application/json",
        ),
        ("no content type", None, b"{}".to_vec(), 415, "must be JSON"),
        (
            "absurd size",
            Some("application/json"),
            vec![b' '; 1 << 20],
            413,
            "larger than this route accepts",
        ),
    ];
    for (case, content_type, body, status, text) in cases {
        let (got, answer) = server
            .send(Method::POST, "/api/v1/auth/login", None, content_type, body)
            .await;
        check(case, got, &answer, status, text);
    }
    let (status, body) = server.get("/api/v1/auth/login", None).await;
    check("wrong method", status, &body, 405, "does not answer this method");
}

#[tokio::test]
async fn bad_pushes_are_named_and_write_nothing() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = Scope::Personal(alice.id.clone());
    let mut phone = Device::new(&alice);
    phone.create(&scope, &[("title", json!("a"))]);
    let good = serde_json::to_value(phone.outbox.next_batch(10)).unwrap();
    let with = |path: &[&str], value: Value| {
        let mut body = good.clone();
        let mut target = &mut body;
        for key in &path[..path.len() - 1] {
            target = match key.parse::<usize>() {
                Ok(index) => &mut target[index],
                Err(_) => &mut target[*key],
            };
        }
        target[path[path.len() - 1]] = value;
        body
    };
    let cases = vec![
        (
            "unknown top-level field",
            with(&["force"], json!(true)),
            400,
            "unknown field force",
        ),
        (
            "unknown field in a mutation",
            with(&["mutations", "0", "owner"], json!("x")),
            400,
            "unknown field mutations[0].owner",
        ),
        (
            "unknown field in a write",
            with(&["mutations", "0", "changes", "0", "write", "x"], json!(1)),
            400,
            "unknown field mutations[0].changes[0].write.x",
        ),
        (
            "seq as text",
            with(&["mutations", "0", "seq"], json!("1")),
            400,
            "invalid type: string \"1\", expected u64",
        ),
        (
            "negative seq",
            with(&["mutations", "0", "seq"], json!(-1)),
            400,
            "invalid value: integer `-1`",
        ),
        (
            "bad device id",
            with(&["device"], json!("phone")),
            400,
            "device id \"phone\" is not valid",
        ),
        (
            "bad record id",
            with(&["mutations", "0", "record"], json!("1")),
            400,
            "record id \"1\" is not valid",
        ),
        (
            "bad scope",
            with(&["mutations", "0", "scope"], json!("public")),
            400,
            "scope \"public\" is not valid",
        ),
        (
            "bad kind",
            with(&["mutations", "0", "kind"], json!("Drop Table")),
            400,
            "record kind \"Drop Table\" is not valid",
        ),
        (
            "bad stamp",
            with(
                &["mutations", "0", "changes", "0", "write", "stamp"],
                json!("yesterday"),
            ),
            400,
            "is not a version stamp",
        ),
        (
            "empty mutation",
            with(&["mutations", "0", "changes"], json!([])),
            422,
            "mutation 1 has no changes",
        ),
        (
            "another device's mutation",
            with(
                &["mutations", "0", "device"],
                json!("0195f2a4-7c1e-4d3b-8a9f-2b6c1d0e4f5a"),
            ),
            422,
            "names another device",
        ),
        (
            "seq beyond the database",
            with(&["mutations", "0", "seq"], json!(u64::MAX)),
            422,
            "has a seq larger than",
        ),
        (
            "bad field name",
            with(&["mutations", "0", "changes", "0", "field"], json!("")),
            422,
            "field name \"\" is not valid",
        ),
    ];
    for (case, body, status, text) in cases {
        let (got, answer) = server.post_json("/api/v1/sync/push", Some(&alice.token), &body).await;
        check(case, got, &answer, status, text);
    }
    let (status, body) = server
        .get(&format!("/api/v1/sync/pull?scope={scope}&cursor=0"), Some(&alice.token))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["changes"], json!([]), "no bad push wrote anything");
    // The good one still goes in.
    let (status, body) = server.post_json("/api/v1/sync/push", Some(&alice.token), &good).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn bad_attachments_are_named() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope = format!("personal:{}", alice.id);
    let bytes = b"%PDF-1.7 certificate".to_vec();
    let hash = benchmate_core::record::ContentHash::of(&bytes);
    let other = benchmate_core::record::ContentHash::of(b"something else");
    let token = Some(alice.token.as_str());
    let (status, body) = server
        .send(
            Method::PUT,
            &format!("/api/v1/attachments/{scope}/{other}"),
            token,
            Some("application/pdf"),
            bytes.clone(),
        )
        .await;
    check(
        "hash mismatch",
        status,
        &body,
        422,
        &format!("the body's SHA-256 is {hash}"),
    );
    let (status, body) = server
        .send(
            Method::PUT,
            &format!("/api/v1/attachments/{scope}/ABC"),
            token,
            None,
            bytes.clone(),
        )
        .await;
    check("bad hash", status, &body, 400, "is not a SHA-256 hash");
    let (status, body) = server
        .send(
            Method::GET,
            &format!("/api/v1/attachments/everyone/{hash}"),
            token,
            None,
            Vec::new(),
        )
        .await;
    check("bad scope", status, &body, 400, "scope \"everyone\" is not valid");
    let (status, body) = server
        .send(
            Method::GET,
            &format!("/api/v1/attachments/{scope}/{hash}"),
            token,
            None,
            Vec::new(),
        )
        .await;
    check("not uploaded", status, &body, 404, &format!("no attachment {hash}"));
    let big = vec![7u8; benchmate_server::api::MAX_ATTACHMENT_BYTES + 1];
    let big_hash = benchmate_core::record::ContentHash::of(&big);
    let (status, body) = server
        .send(
            Method::PUT,
            &format!("/api/v1/attachments/{scope}/{big_hash}"),
            token,
            None,
            big,
        )
        .await;
    check("too large", status, &body, 413, "larger than this route accepts");

    // Stored once, by content: a second upload of the same bytes is a 200, and the download
    // is served as a download, never rendered in the app's origin.
    let path = format!("/api/v1/attachments/{scope}/{hash}");
    assert_eq!(
        server
            .send(Method::PUT, &path, token, Some("application/pdf"), bytes.clone())
            .await
            .0,
        201
    );
    let (status, body) = server
        .send(Method::PUT, &path, token, Some("application/pdf"), bytes.clone())
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["created"], false);
    let (status, downloaded) = server.send_raw(Method::GET, &path, token, None, Vec::new()).await;
    assert_eq!(status, 200);
    assert_eq!(downloaded, bytes);
}
