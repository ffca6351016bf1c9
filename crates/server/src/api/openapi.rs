//! The OpenAPI 3 document of `/api/v1`, generated from the route table [`super::ENDPOINTS`]
//! that the router is built from: a route cannot exist without being documented.

use axum::Json;
use schemars::generate::SchemaSettings;
use schemars::Schema;
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

/// The document. Bodies are described by JSON Schemas generated from the handlers' serde
/// types (schemars, OpenAPI 3.0 flavour); one generator serves every route, so each type is
/// one entry of `components.schemas` and the bodies refer to it.
pub fn document() -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let mut paths = Map::new();
    // Query parameters are read from their type's component once every schema is made.
    let mut queries = Vec::new();
    for endpoint in ENDPOINTS {
        let mut responses = Map::new();
        let (status, holds) = endpoint.success;
        let mut success = json!({ "description": format!("{}: {holds}", reason(status)) });
        let response_schema = endpoint.schemas.response.map(|schema_of| schema_of(&mut generator));
        if response_schema.is_some() || endpoint.examples.1.is_some() {
            let mut content = json!({ "schema": response_schema.map_or_else(|| json!({}), Schema::to_value) });
            if let Some(example) = endpoint.examples.1 {
                content["example"] = example();
            }
            success["content"] = json!({ "application/json": content });
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
        if let Some(schema_of) = endpoint.schemas.query {
            queries.push((endpoint.path, endpoint.method, schema_of(&mut generator)));
        }
        if let Some((media_type, description)) = endpoint.body {
            let schema = endpoint
                .schemas
                .request
                .map_or_else(|| json!({}), |schema_of| schema_of(&mut generator).to_value());
            operation["requestBody"] = json!({
                "required": true,
                "description": format!("{description} (at most {} bytes)", endpoint.body_limit),
                "content": { media_type: { "schema": schema } }
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
    let mut schemas = generator.take_definitions(true);
    for (path, method, reference) in queries {
        paths[path][method]["parameters"] = Value::Array(query_parameters(&reference, &schemas));
    }
    schemas.insert(
        "Error".to_string(),
        json!({
            "type": "object",
            "required": ["error"],
            "properties": { "error": { "type": "string", "description": "What is wrong, for people" } }
        }),
    );
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
            "schemas": schemas,
        }
    })
}

/// One query parameter per property of the query type that `reference` points to.
fn query_parameters(reference: &Schema, schemas: &Map<String, Value>) -> Vec<Value> {
    let name = reference
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|path| path.rsplit('/').next())
        .unwrap_or_default();
    let Some(query) = schemas.get(name) else {
        return Vec::new();
    };
    let required: Vec<&Value> = query["required"]
        .as_array()
        .map(|r| r.iter().collect())
        .unwrap_or_default();
    let Some(properties) = query["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(field, schema)| {
            let mut schema = schema.clone();
            let description = schema.as_object_mut().and_then(|s| s.remove("description"));
            let mut parameter = json!({
                "name": field,
                "in": "query",
                "required": required.contains(&&Value::String(field.clone())),
                "schema": schema,
            });
            if let Some(description) = description {
                parameter["description"] = description;
            }
            parameter
        })
        .collect()
}

pub async fn serve() -> Json<Value> {
    Json(document())
}
