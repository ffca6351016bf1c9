//! The `/api/v1` routes, declared once in [`ENDPOINTS`]: the router is built from that table
//! and so is the OpenAPI document (`openapi.rs`), so the two cannot drift apart.

mod attachments;
mod auth;
mod examples;
mod health;
pub mod json;
pub mod openapi;
mod sync;

use std::collections::BTreeMap;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put, MethodRouter};
use axum::Router;
use schemars::{JsonSchema, Schema, SchemaGenerator};

use benchmate_core::sync::{PullPage, PushRequest, PushResponse};

use crate::error::ApiError;
use crate::AppState;

pub use attachments::MAX_ATTACHMENT_BYTES;
pub use auth::{LoginRequest, LoginResponse, Me, SESSION_MILLIS};
pub use sync::MAX_PUSH_MUTATIONS;

/// The largest push body: 500 mutations of a few KB each.
pub const MAX_PUSH_BYTES: usize = 4 * 1024 * 1024;
/// The largest body of every other JSON route (sign-in).
pub const MAX_SMALL_BODY_BYTES: usize = 16 * 1024;

/// Makes an example message for the document.
pub type Example = fn() -> serde_json::Value;

/// Puts a message type's JSON Schema into the document's components and answers a `$ref` to
/// it, so the document describes the very serde types the handlers read and write.
pub type SchemaOf = fn(&mut SchemaGenerator) -> Schema;

fn schema_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// The types of what a route reads and answers, for the OpenAPI document.
pub struct Schemas {
    /// The query string's fields, one parameter each.
    pub query: Option<SchemaOf>,
    pub request: Option<SchemaOf>,
    /// The JSON body of the success response.
    pub response: Option<SchemaOf>,
}

const NO_SCHEMAS: Schemas = Schemas {
    query: None,
    request: None,
    response: None,
};

/// One API route: how it is called, what it does, and the handler behind it.
pub struct Endpoint {
    /// `get`, `post` or `put`, as OpenAPI spells it.
    pub method: &'static str,
    /// Relative to `/api/v1`, with `{name}` path parameters.
    pub path: &'static str,
    pub summary: &'static str,
    /// Whether a bearer token is required.
    pub signed_in: bool,
    /// What the request body is, when it has one (OpenAPI media type and description).
    pub body: Option<(&'static str, &'static str)>,
    /// The success status and what its JSON holds.
    pub success: (u16, &'static str),
    /// The 4xx statuses it can answer with, each with a JSON `{"error"}` body.
    pub errors: &'static [u16],
    pub body_limit: usize,
    /// Example request and response bodies, made by the handlers' own serde types.
    pub examples: (Option<Example>, Option<Example>),
    pub schemas: Schemas,
    handler: fn() -> MethodRouter<AppState>,
}

const AUTH_ERRORS: &[u16] = &[401];

/// Every `/api/v1` route.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/health",
        summary: "Whether the server and its database answer.",
        signed_in: false,
        body: None,
        success: (200, "{status, version, database}"),
        errors: &[],
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, None),
        schemas: Schemas {
            response: Some(schema_of::<health::Health>),
            ..NO_SCHEMAS
        },
        handler: || get(health::health),
    },
    Endpoint {
        method: "get",
        path: "/openapi.json",
        summary: "This API as an OpenAPI 3 document.",
        signed_in: false,
        body: None,
        success: (200, "the OpenAPI document"),
        errors: &[],
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, None),
        schemas: NO_SCHEMAS,
        handler: || get(openapi::serve),
    },
    Endpoint {
        method: "post",
        path: "/auth/login",
        summary: "Sign in with email and password; answers a bearer token. Rate-limited per account and per address.",
        signed_in: false,
        body: Some(("application/json", "{email, password}")),
        success: (200, "{token, expires_at}"),
        errors: &[400, 401, 413, 415, 429],
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (Some(examples::login_request), Some(examples::login_response)),
        schemas: Schemas {
            request: Some(schema_of::<LoginRequest>),
            response: Some(schema_of::<LoginResponse>),
            ..NO_SCHEMAS
        },
        handler: || post(auth::login),
    },
    Endpoint {
        method: "post",
        path: "/auth/logout",
        summary: "Sign out this session.",
        signed_in: true,
        body: None,
        success: (204, "nothing"),
        errors: AUTH_ERRORS,
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, None),
        schemas: NO_SCHEMAS,
        handler: || post(auth::logout),
    },
    Endpoint {
        method: "post",
        path: "/auth/logout-everywhere",
        summary: "Sign out every session of this user, on every device.",
        signed_in: true,
        body: None,
        success: (204, "nothing"),
        errors: AUTH_ERRORS,
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, None),
        schemas: NO_SCHEMAS,
        handler: || post(auth::logout_everywhere),
    },
    Endpoint {
        method: "get",
        path: "/me",
        summary: "The signed-in user, their personal scope and their labs with roles and scopes.",
        signed_in: true,
        body: None,
        success: (
            200,
            "{user: {id, email}, personal_scope, labs: [{lab_id, name, role, scope}]}",
        ),
        errors: AUTH_ERRORS,
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, Some(examples::me)),
        schemas: Schemas {
            response: Some(schema_of::<Me>),
            ..NO_SCHEMAS
        },
        handler: || get(auth::me),
    },
    Endpoint {
        method: "post",
        path: "/sync/push",
        summary: "Apply a batch of one device's mutations in one transaction; replayed mutations are skipped.",
        signed_in: true,
        body: Some(("application/json", "PushRequest {device, mutations: [Mutation]}")),
        success: (
            200,
            "PushResponse {acknowledged_up_to, rejected: [{seq, record, reason}]}",
        ),
        errors: &[400, 401, 413, 415, 422],
        body_limit: MAX_PUSH_BYTES,
        examples: (Some(examples::push_request), Some(examples::push_response)),
        schemas: Schemas {
            request: Some(schema_of::<PushRequest>),
            response: Some(schema_of::<PushResponse>),
            ..NO_SCHEMAS
        },
        handler: || post(sync::push),
    },
    Endpoint {
        method: "get",
        path: "/sync/pull",
        summary:
            "One page of a scope's changes after a cursor: ?scope=personal:<user id>|lab:<lab id>&cursor=N&limit=M.",
        signed_in: true,
        body: None,
        success: (
            200,
            "PullPage {scope, changes: [{server_seq, record}], next_cursor, has_more}",
        ),
        errors: &[400, 401, 403],
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, Some(examples::pull_page)),
        schemas: Schemas {
            query: Some(schema_of::<sync::PullQuery>),
            response: Some(schema_of::<PullPage>),
            ..NO_SCHEMAS
        },
        handler: || get(sync::pull),
    },
    Endpoint {
        method: "put",
        path: "/attachments/{scope}/{sha256}",
        summary: "Upload an attachment's bytes under their SHA-256 in a scope; the hash is checked.",
        signed_in: true,
        body: Some((
            "application/octet-stream",
            "the attachment's bytes, with their media type as Content-Type",
        )),
        success: (201, "{sha256, size, created} (200 when already stored)"),
        errors: &[400, 401, 403, 413, 422],
        body_limit: MAX_ATTACHMENT_BYTES,
        examples: (None, None),
        schemas: Schemas {
            response: Some(schema_of::<attachments::Stored>),
            ..NO_SCHEMAS
        },
        handler: || put(attachments::upload),
    },
    Endpoint {
        method: "get",
        path: "/attachments/{scope}/{sha256}",
        summary: "Download an attachment's bytes.",
        signed_in: true,
        body: None,
        success: (200, "the bytes, with their media type"),
        errors: &[400, 401, 403, 404],
        body_limit: MAX_SMALL_BODY_BYTES,
        examples: (None, None),
        schemas: NO_SCHEMAS,
        handler: || get(attachments::download),
    },
];

/// Every `/api/v1` route, built from [`ENDPOINTS`]; unknown API paths answer a JSON 404,
/// never the app's HTML, and a known path with the wrong method a JSON 405.
pub fn routes() -> Router<AppState> {
    let mut by_path: BTreeMap<&str, MethodRouter<AppState>> = BTreeMap::new();
    for endpoint in ENDPOINTS {
        let method = (endpoint.handler)().layer(DefaultBodyLimit::max(endpoint.body_limit));
        let merged = match by_path.remove(endpoint.path) {
            Some(existing) => existing.merge(method),
            None => method,
        };
        by_path.insert(endpoint.path, merged);
    }
    by_path
        .into_iter()
        .fold(Router::new(), |router, (path, method)| {
            router.route(path, method.fallback(|| async { ApiError::MethodNotAllowed }))
        })
        .fallback(|| async { ApiError::NotFound })
}
