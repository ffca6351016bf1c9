//! The OpenAPI 3 document of `/api/v1`, generated from the route table [`super::ENDPOINTS`]
//! that the router is built from: a route cannot exist without being documented.

use axum::Json;
use serde_json::{json, Map, Value};

use super::ENDPOINTS;

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad request: malformed JSON or query, wrong types, unknown fields, invalid UTF-8, a cursor ahead of the scope",
        401 => "Not signed in, or the session expired or was signed out (or wrong email or password)",
        403 => "The scope is not the user's",
        404 => "Not found",
        413 => "The body or batch is too large",
        415 => "The body must be JSON",
        422 => "Refused by the rules: a version stamp from the far future, another author, a hash mismatch",
        429 => "Too many failed sign-ins; see Retry-After",
        _ => "Error",
    }
}

/// The document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for endpoint in ENDPOINTS {
        let mut responses = Map::new();
        let (status, holds) = endpoint.success;
        let mut success = json!({ "description": format!("{}: {holds}", reason(status)) });
        if let Some(example) = endpoint.examples.1 {
            success["content"] = json!({ "application/json": { "schema": {}, "example": example() } });
        }
        responses.insert(status.to_string(), success);
        for status in endpoint.errors {
            responses.insert(
                status.to_string(),
                json!({
                    "description": reason(*status),
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                }),
            );
        }
        let mut operation = json!({
            "summary": endpoint.summary,
            "operationId": format!("{}{}", endpoint.method, endpoint.path.replace(['/', '{', '}', '.', '-'], "_")),
            "responses": responses,
            "security": if endpoint.signed_in { json!([{ "bearer": [] }]) } else { json!([]) },
        });
        let parameters: Vec<Value> = endpoint
            .path
            .split('/')
            .filter_map(|part| part.strip_prefix('{')?.strip_suffix('}'))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        if !parameters.is_empty() {
            operation["parameters"] = Value::Array(parameters);
        }
        if let Some((media_type, description)) = endpoint.body {
            operation["requestBody"] = json!({
                "required": true,
                "description": format!("{description} (at most {} bytes)", endpoint.body_limit),
                "content": { media_type: { "schema": {} } }
            });
            if let Some(example) = endpoint.examples.0 {
                operation["requestBody"]["content"][media_type]["example"] = example();
            }
        }
        let item = paths
            .entry(endpoint.path.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        item[endpoint.method] = operation;
    }
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Benchmate sync API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Accounts, push and pull of records per scope, and attachments. \
                            Message shapes are the serde types of benchmate_core::sync."
        },
        "servers": [{ "url": "/api/v1" }],
        "paths": paths,
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": { "error": { "type": "string", "description": "What is wrong, for people" } }
                }
            }
        }
    })
}

pub async fn serve() -> Json<Value> {
    Json(document())
}
