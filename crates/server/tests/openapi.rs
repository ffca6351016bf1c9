//! The OpenAPI document at `/api/v1/openapi.json` matches the routes the server answers:
//! every documented operation is routed, and the router has nothing undocumented.

mod common;

use axum::http::Method;
use benchmate_server::api::ENDPOINTS;
use common::TestServer;

#[tokio::test]
async fn the_document_lists_exactly_the_routes_the_server_answers() {
    let server = TestServer::new().await;
    let (status, document) = server.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, 200);
    assert_eq!(document["openapi"], "3.0.3");
    let paths = document["paths"].as_object().unwrap();

    let mut operations = 0;
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let concrete = path
                .replace("{scope}", "personal:u-nobody")
                .replace("{sha256}", &"0".repeat(64));
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let (status, body) = server
                .send(method.clone(), &format!("/api/v1{concrete}"), None, None, Vec::new())
                .await;
            assert_ne!(status, 404, "{method} {path} is documented but not routed: {body}");
            assert_ne!(status, 405, "{method} {path} is documented but not routed: {body}");
            // Signed-in operations say so, and refuse a request without a token.
            let secured = operation["security"].as_array().is_some_and(|s| !s.is_empty());
            assert_eq!(
                secured,
                status == 401,
                "{method} {path}: documented security vs {status}"
            );
        }
    }
    assert_eq!(operations, ENDPOINTS.len(), "one operation per route");

    // Paths next to the documented ones are not routed.
    for path in ["/api/v1/sync", "/api/v1/auth", "/api/v1/users", "/api/v1/attachments/x"] {
        let (status, _) = server.get(path, None).await;
        assert_eq!(status, 404, "{path}");
    }
}

#[tokio::test]
async fn the_documented_examples_are_accepted_by_the_routes() {
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let (_, document) = server.get("/api/v1/openapi.json", None).await;
    let login = &document["paths"]["/auth/login"]["post"];
    let example = &login["requestBody"]["content"]["application/json"]["example"];
    let (status, body) = server.post_json("/api/v1/auth/login", None, example).await;
    // The example is Alice with the harness's password, so it signs her in.
    assert_eq!(status, 200, "{body}");
    assert!(body["token"].is_string());
    let push = &document["paths"]["/sync/push"]["post"];
    let example = &push["requestBody"]["content"]["application/json"]["example"];
    let (status, body) = server.post_json("/api/v1/sync/push", Some(&alice.token), example).await;
    // Well formed; its lab and author are not Alice's, so it is refused with a reason.
    assert_eq!(status.as_u16(), 422, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("another user as the author"),
        "{body}"
    );
    let pulled = &document["paths"]["/sync/pull"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    serde_json::from_value::<benchmate_core::sync::PullPage>(pulled.clone()).expect("the pull example is a PullPage");
    let me = &document["paths"]["/me"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    serde_json::from_value::<benchmate_server::api::Me>(me.clone()).expect("the /me example is a Me");
}
