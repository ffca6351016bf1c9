//! The API's JSON body extractor. Unlike axum's `Json` it answers every bad body with the
//! API's JSON error naming the problem: not JSON, not UTF-8, too large, a wrong type, or a
//! field the message does not have (core's message types accept unknown fields, so they are
//! found here by comparing the body with the message read back).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::error::ApiError;

/// A JSON request body read strictly into `T`.
pub struct StrictJson<T>(pub T);

impl<S, T> FromRequest<S> for StrictJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Serialize,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<StrictJson<T>, ApiError> {
        let is_json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.split(';').next().unwrap_or("").trim() == "application/json");
        if !is_json {
            return Err(ApiError::UnsupportedMediaType(
                "the body must be JSON, sent with Content-Type: application/json".to_string(),
            ));
        }
        let bytes = read_body(request, state).await?;
        parse_strict(&bytes).map(StrictJson)
    }
}

/// The raw body, or a JSON 413 when it is larger than the route's limit.
pub async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state).await.map_err(|rejection| {
        if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge("the request body is larger than this route accepts".to_string())
        } else {
            ApiError::BadRequest(format!("cannot read the request body: {rejection}"))
        }
    })
}

/// Reads `bytes` as a `T`, refusing invalid UTF-8, malformed JSON, wrong types and unknown fields.
pub fn parse_strict<T: DeserializeOwned + Serialize>(bytes: &[u8]) -> Result<T, ApiError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        ApiError::BadRequest(format!(
            "the body is not valid UTF-8 (bad byte at offset {})",
            err.valid_up_to()
        ))
    })?;
    let raw: Value =
        serde_json::from_str(text).map_err(|err| ApiError::BadRequest(format!("the body is not valid JSON: {err}")))?;
    // Read from a borrowed Value: no copy of the whole body (a push is up to 4 MB).
    let typed: T = T::deserialize(&raw)
        .map_err(|err| ApiError::BadRequest(format!("the body does not have the expected shape: {err}")))?;
    let again = serde_json::to_value(&typed).map_err(ApiError::internal)?;
    if let Some(path) = unknown_field(&raw, &again, "") {
        return Err(ApiError::BadRequest(format!("unknown field {path} in the body")));
    }
    Ok(typed)
}

/// The path of the first key in `sent` that the message read back does not have. A key
/// sent as `null` or `[]` counts as known: messages leave out empty optional fields.
fn unknown_field(sent: &Value, read_back: &Value, path: &str) -> Option<String> {
    match (sent, read_back) {
        (Value::Object(sent), Value::Object(read_back)) => sent.iter().find_map(|(key, value)| {
            let here = format!("{path}.{key}");
            match read_back.get(key) {
                Some(theirs) => unknown_field(value, theirs, &here),
                None if value.is_null() || value.as_array().is_some_and(Vec::is_empty) => None,
                None => Some(here.trim_start_matches('.').to_string()),
            }
        }),
        (Value::Array(sent), Value::Array(read_back)) => sent
            .iter()
            .zip(read_back)
            .enumerate()
            .find_map(|(index, (a, b))| unknown_field(a, b, &format!("{path}[{index}]"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Login {
        email: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        remember: Option<bool>,
    }

    fn check(body: &[u8], expect: Result<(), &str>) {
        let result = parse_strict::<Login>(body).map(|_| ());
        match (result, expect) {
            (Ok(()), Ok(())) => {}
            (Err(ApiError::BadRequest(message)), Err(expected)) => {
                assert!(message.contains(expected), "{message:?} should mention {expected:?}")
            }
            (other, expected) => panic!(
                "{:?}: got {other:?}, expected {expected:?}",
                String::from_utf8_lossy(body)
            ),
        }
    }

    #[test]
    fn bad_bodies_are_named() {
        check(br#"{"email": "a@b.c"}"#, Ok(()));
        check(br#"{"email": "a@b.c", "remember": null}"#, Ok(()));
        check(br#"{"email": "a@b.c", "admin": true}"#, Err("unknown field admin"));
        check(br#"{"email": 5}"#, Err("invalid type: integer `5`, expected a string"));
        check(br#"{"email": "a@b.c""#, Err("not valid JSON"));
        check(b"{\"email\": \"\xff\"}", Err("not valid UTF-8 (bad byte at offset 11)"));
        check(br#"[]"#, Err("expected struct Login"));
    }
}
