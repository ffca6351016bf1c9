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
