//! The OpenAPI document's body schemas are the real message shapes: every route's schemas
//! are present, and real requests and responses (and the documented examples) fit them,
//! key for key, so a renamed or added serde field shows up here.

mod common;

use benchmate_core::record::{EditContext, Scope};
use benchmate_server::api::openapi::document;
use benchmate_server::api::ENDPOINTS;
use benchmate_server::auth::now_millis;
use common::device::Device;
use common::TestServer;
use serde_json::{json, Map, Value};

/// What in `value` the schema does not allow, one "where: what" line each; empty when it
/// fits. Enough of JSON Schema for what schemars writes: `$ref`, `allOf`, `anyOf`/`oneOf`,
/// `enum`, `nullable`, `type`, `required`, `properties`, `additionalProperties`, `items`,
/// `minimum`. An object key the schema does not name is a mismatch even where the schema
/// leaves `additionalProperties` out, since the point is that keys match serde's names.
fn mismatches(value: &Value, schema: &Value, components: &Map<String, Value>, at: &str) -> Vec<String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return match components.get(name) {
            Some(target) => mismatches(value, target, components, at),
            None => vec![format!("{at}: dangling reference {reference}")],
        };
    }
    let mut found = Vec::new();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        found.extend(mismatches(value, part, components, at));
    }
    let alternatives = schema["anyOf"].as_array().or(schema["oneOf"].as_array());
    if let Some(alternatives) = alternatives {
        let best = alternatives
            .iter()
            .map(|alternative| mismatches(value, alternative, components, at))
            .min_by_key(Vec::len)
            .unwrap_or_default();
        found.extend(best);
    }
    if value.is_null() && schema["nullable"] == json!(true) {
        return found;
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            found.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    let Some(expected) = schema["type"].as_str() else {
        return found;
    };
    let fits = match expected {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        other => {
            found.push(format!("{at}: unknown schema type {other}"));
            return found;
        }
    };
    if !fits {
        found.push(format!("{at}: {value} is not of type {expected}"));
        return found;
    }
    if let (Some(minimum), Some(number)) = (schema["minimum"].as_f64(), value.as_f64()) {
        if number < minimum {
            found.push(format!("{at}: {number} is below the minimum {minimum}"));
        }
    }
    if let Some(items) = value.as_array() {
        for (index, item) in items.iter().enumerate() {
            found.extend(mismatches(
                item,
                &schema["items"],
                components,
                &format!("{at}[{index}]"),
            ));
        }
    }
    if let Some(object) = value.as_object() {
        for required in schema["required"].as_array().into_iter().flatten() {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                found.push(format!("{at}: required key {key:?} is missing"));
            }
        }
        for (key, item) in object {
            let inner = format!("{at}.{key}");
            match (schema["properties"].get(key), &schema["additionalProperties"]) {
                (Some(property), _) => found.extend(mismatches(item, property, components, &inner)),
                (None, extra) if extra.is_object() => found.extend(mismatches(item, extra, components, &inner)),
                (None, _) => found.push(format!("{inner}: the schema has no key {key:?}")),
            }
        }
    }
    found
}

/// The documented schema of a route's request body (`"request"`) or success response.
fn documented_schema(document: &Value, method: &str, path: &str, which: &str) -> Value {
    let operation = &document["paths"][path][method];
    let schema = if which == "request" {
        &operation["requestBody"]["content"]["application/json"]["schema"]
    } else {
        let success = operation["responses"]
            .as_object()
            .and_then(|responses| responses.iter().find(|(status, _)| status.starts_with('2')))
            .map(|(_, response)| response)
            .unwrap_or(&Value::Null);
        &success["content"]["application/json"]["schema"]
    };
    assert!(schema.is_object(), "{method} {path} documents no {which} schema");
    schema.clone()
}

/// Asserts that `message` fits the documented schema of that route's request or response.
fn check(document: &Value, (method, path, which): (&str, &str, &str), message: &Value) {
    let schema = documented_schema(document, method, path, which);
    let components = document["components"]["schemas"].as_object().unwrap();
    let found = mismatches(message, &schema, components, "$");
    assert!(
        found.is_empty(),
        "{method} {path} {which} does not fit its schema:\n{}\nmessage: {message:#}",
        found.join("\n")
    );
}

#[test]
fn every_route_is_documented_with_the_schemas_of_its_types() {
    let document = document();
    let components = document["components"]["schemas"].as_object().unwrap();
    for endpoint in ENDPOINTS {
        let operation = &document["paths"][endpoint.path][endpoint.method];
        assert!(
            operation.is_object(),
            "{} {} is not documented",
            endpoint.method,
            endpoint.path
        );
        let wanted = [
            ("request", endpoint.schemas.request.is_some()),
            ("response", endpoint.schemas.response.is_some()),
        ];
        for (which, has_type) in wanted {
            if has_type {
                let schema = documented_schema(&document, endpoint.method, endpoint.path, which);
                let name = schema["$ref"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("#/components/schemas/");
                let component = &components[name];
                assert!(
                    component["properties"].as_object().is_some_and(|p| !p.is_empty()),
                    "{} {} {which}: {name} has no properties: {component}",
                    endpoint.method,
                    endpoint.path
                );
            }
        }
    }
    // Every reference anywhere in the document resolves.
    let text = document.to_string();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(components.contains_key(name), "dangling reference to {name}");
    }
    // The pull's query parameters come from its query type.
    let parameters = document["paths"]["/sync/pull"]["get"]["parameters"].as_array().unwrap();
    let named: Vec<(&str, bool)> = parameters
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["required"].as_bool().unwrap()))
        .collect();
    assert_eq!(named, [("cursor", true), ("limit", false), ("scope", true)]);
}

#[test]
fn the_documented_examples_fit_their_schemas() {
    let document = document();
    for (route, content) in [
        (("post", "/auth/login", "request"), "requestBody"),
        (("post", "/auth/login", "response"), "200"),
        (("post", "/sync/push", "request"), "requestBody"),
        (("post", "/sync/push", "response"), "200"),
        (("get", "/sync/pull", "response"), "200"),
        (("get", "/me", "response"), "200"),
    ] {
        let operation = &document["paths"][route.1][route.0];
        let example = if content == "requestBody" {
            &operation["requestBody"]["content"]["application/json"]["example"]
        } else {
            &operation["responses"][content]["content"]["application/json"]["example"]
        };
        assert!(example.is_object(), "{route:?} has no example");
        check(&document, route, example);
    }
}

#[test]
fn the_check_finds_a_renamed_field_a_missing_one_and_a_wrong_type() {
    let document = document();
    let schema = documented_schema(&document, "post", "/auth/login", "request");
    let components = document["components"]["schemas"].as_object().unwrap();
    let cases = [
        (json!({ "email": "a@b.example", "password": "x" }), vec![]),
        (
            json!({ "mail": "a@b.example", "password": "x" }),
            vec![
                "$: required key \"email\" is missing",
                "$.mail: the schema has no key \"mail\"",
            ],
        ),
        (
            json!({ "email": "a@b.example", "password": 7 }),
            vec!["$.password: 7 is not of type string"],
        ),
    ];
    for (message, expect) in cases {
        assert_eq!(mismatches(&message, &schema, components, "$"), expect, "{message}");
    }
    let pull = documented_schema(&document, "get", "/sync/pull", "response");
    let bad_change = json!({
        "scope": "lab:l-1", "next_cursor": 1, "has_more": false,
        "changes": [{ "server_seq": 1, "record": { "id": "x", "kind": "k", "scope": "lab:l-1",
            "fields": { "lot": { "value": 1, "stamp": "s", "by": "u-1" } } } }]
    });
    assert_eq!(
        mismatches(&bad_change, &pull, components, "$"),
        ["$.changes[0].record.fields.lot.by: the schema has no key \"by\""]
    );
}

/// Real traffic of two devices of one user: a conflict (so pulled records carry history
/// and `conflicted_fields`), a delete (a tombstone write), sign-in and `/me`.
#[tokio::test]
async fn real_requests_and_responses_fit_their_schemas() {
    let document = document();
    let server = TestServer::new().await;
    let alice = server.user("alice@lab.example").await;
    let scope: Scope = alice.personal_scope().parse().unwrap();
    let mut phone = Device::new(&alice);
    let mut tablet = Device::new(&alice);
    let id = phone.create(&scope, &[("lot", json!("A1")), ("count", json!(3))]);
    phone.sync(&server, std::slice::from_ref(&scope)).await;
    tablet.sync(&server, std::slice::from_ref(&scope)).await;
    phone.set(id, "lot", json!("A2"));
    tablet.set(id, "lot", json!("A3"));
    let record = tablet.records.get_mut(&id).unwrap();
    let mut ctx = EditContext {
        clock: &mut tablet.clock,
        now_millis: now_millis(),
        author: Some(alice.id.clone()),
    };
    let deleted = record.delete(&mut ctx).expect("a delete writes the tombstone");
    let snapshot = record.clone();
    tablet.outbox.enqueue(&snapshot, vec![deleted]);

    for device in [&mut phone, &mut tablet] {
        let request = serde_json::to_value(device.outbox.next_batch(50)).unwrap();
        check(&document, ("post", "/sync/push", "request"), &request);
        let (status, response) = server
            .post_json("/api/v1/sync/push", Some(&alice.token), &request)
            .await;
        assert_eq!(status, 200, "{response}");
        check(&document, ("post", "/sync/push", "response"), &response);
    }
    let (status, page) = server
        .get(&format!("/api/v1/sync/pull?scope={scope}&cursor=0"), Some(&alice.token))
        .await;
    assert_eq!(status, 200, "{page}");
    let pulled = &page["changes"][0]["record"];
    assert!(
        pulled["conflicted_fields"].is_array() && pulled["tombstone"].is_object(),
        "{page}"
    );
    check(&document, ("get", "/sync/pull", "response"), &page);

    let login = json!({ "email": "alice@lab.example", "password": common::PASSWORD });
    check(&document, ("post", "/auth/login", "request"), &login);
    let (status, signed_in) = server.post_json("/api/v1/auth/login", None, &login).await;
    assert_eq!(status, 200, "{signed_in}");
    check(&document, ("post", "/auth/login", "response"), &signed_in);
    let (status, me) = server.get("/api/v1/me", Some(&alice.token)).await;
    assert_eq!(status, 200, "{me}");
    check(&document, ("get", "/me", "response"), &me);
    let (status, health) = server.get("/api/v1/health", None).await;
    assert_eq!(status, 200, "{health}");
    check(&document, ("get", "/health", "response"), &health);
}
