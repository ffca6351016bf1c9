//! The `/api/v1` client: each call is one `fetch`, with the bearer token, a time limit, and
//! every failure turned into an [`ApiError`] a technician can act on.

use std::fmt;

use benchmate_core::record::{Attachment, ContentHash, Scope};
use benchmate_core::sync::{Cursor, PullPage, PushRequest, PushResponse};
use js_sys::Uint8Array;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long one request may take before it counts as "the server did not answer". A push of
/// 500 changes over a slow hospital network takes seconds, not a minute.
const TIME_LIMIT_MILLIS: i32 = 60_000;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: no network, a wrong address, the server is down, or the time ran out.
    Unreachable { server: String },
    /// The server refused the credentials or the session (wrong password, signed out).
    Unauthorized(String),
    /// Too many sign-in attempts; try again after this many seconds.
    RateLimited { retry_after_secs: u32, message: String },
    /// Any other refusal, with the server's JSON message.
    Refused { status: u16, message: String },
    /// An answer that is not what this version of the app expects.
    BadAnswer(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Unreachable { server } => write!(
                f,
                "the server at {server} cannot be reached (no network, a wrong address, or the server is down)"
            ),
            ApiError::Unauthorized(message) => write!(f, "{message}"),
            ApiError::RateLimited { retry_after_secs, .. } => write!(
                f,
                "too many sign-in attempts: wait {} and try again",
                wait_text(*retry_after_secs)
            ),
            ApiError::Refused { status, message } => write!(f, "the server refused it ({status}): {message}"),
            ApiError::BadAnswer(why) => write!(f, "the server's answer was not understood: {why}"),
        }
    }
}

fn wait_text(secs: u32) -> String {
    match secs {
        0..=1 => "a second".to_string(),
        2..=90 => format!("{secs} seconds"),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}

/// `POST /auth/login`'s answer.
#[derive(Clone, Debug, Deserialize)]
pub struct LoginAnswer {
    pub token: String,
}

/// One lab in `GET /me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabMembership {
    pub lab_id: String,
    pub name: String,
    pub role: String,
    pub scope: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct MeUser {
    pub id: String,
    pub email: String,
}

/// `GET /me`'s answer: who is signed in and which labs they belong to.
#[derive(Clone, Debug, Deserialize)]
pub struct MeAnswer {
    pub user: MeUser,
    pub personal_scope: String,
    pub labs: Vec<LabMembership>,
}

/// A server address and, once signed in, a session token.
#[derive(Clone, Debug)]
pub struct Api {
    pub server: String,
    pub token: Option<String>,
}

enum Body {
    None,
    Json(String),
    Bytes { media_type: String, data: Vec<u8> },
}

impl Api {
    pub fn new(server: &str, token: Option<String>) -> Api {
        Api {
            server: server.trim().trim_end_matches('/').to_string(),
            token,
        }
    }

    pub async fn login(&self, email: &str, password: &str) -> Result<LoginAnswer, ApiError> {
        let body = serde_json::json!({ "email": email, "password": password }).to_string();
        json(self.send("POST", "/auth/login", Body::Json(body)).await?).await
    }

    pub async fn logout(&self) -> Result<(), ApiError> {
        self.send("POST", "/auth/logout", Body::None).await.map(|_| ())
    }

    pub async fn logout_everywhere(&self) -> Result<(), ApiError> {
        self.send("POST", "/auth/logout-everywhere", Body::None)
            .await
            .map(|_| ())
    }

    pub async fn me(&self) -> Result<MeAnswer, ApiError> {
        json(self.send("GET", "/me", Body::None).await?).await
    }

    pub async fn push(&self, request: &PushRequest) -> Result<PushResponse, ApiError> {
        let body = serde_json::to_string(request).map_err(|err| ApiError::BadAnswer(err.to_string()))?;
        json(self.send("POST", "/sync/push", Body::Json(body)).await?).await
    }

    pub async fn pull(&self, scope: &Scope, cursor: Cursor, limit: u32) -> Result<PullPage, ApiError> {
        let path = format!(
            "/sync/pull?scope={}&cursor={}&limit={limit}",
            js_sys::encode_uri_component(&scope.to_string()),
            cursor.0
        );
        json(self.send("GET", &path, Body::None).await?).await
    }

    /// Uploads a file to `scope`; the server keeps one copy per hash, so a repeat is cheap.
    pub async fn put_attachment(&self, scope: &Scope, attachment: &Attachment) -> Result<(), ApiError> {
        let path = format!("/attachments/{scope}/{}", attachment.hash());
        let body = Body::Bytes {
            media_type: attachment.media_type().to_string(),
            data: attachment.data().to_vec(),
        };
        self.send("PUT", &path, body).await.map(|_| ())
    }

    /// Downloads a file, checking that its bytes are the ones the hash names.
    pub async fn get_attachment(&self, scope: &Scope, hash: ContentHash) -> Result<Attachment, ApiError> {
        let response = self
            .send("GET", &format!("/attachments/{scope}/{hash}"), Body::None)
            .await?;
        let media_type = response
            .headers()
            .get("content-type")
            .ok()
            .flatten()
            .unwrap_or_else(|| "application/octet-stream".into());
        let buffer = JsFuture::from(response.array_buffer().map_err(bad_answer)?)
            .await
            .map_err(bad_answer)?;
        let attachment = Attachment::new(&media_type, Uint8Array::new(&buffer).to_vec());
        if attachment.hash() != hash {
            return Err(ApiError::BadAnswer(format!("the file {hash} arrived damaged")));
        }
        Ok(attachment)
    }

    /// Sends one request and returns the response when its status is 2xx.
    async fn send(&self, method: &str, path: &str, body: Body) -> Result<web_sys::Response, ApiError> {
        let unreachable = || ApiError::Unreachable {
            server: self.server.clone(),
        };
        let init = web_sys::RequestInit::new();
        init.set_method(method);
        let headers = web_sys::Headers::new().map_err(bad_answer)?;
        if let Some(token) = &self.token {
            headers
                .set("Authorization", &format!("Bearer {token}"))
                .map_err(bad_answer)?;
        }
        match body {
            Body::None => {}
            Body::Json(text) => {
                headers.set("Content-Type", "application/json").map_err(bad_answer)?;
                init.set_body(&JsValue::from_str(&text));
            }
            Body::Bytes { media_type, data } => {
                headers.set("Content-Type", &media_type).map_err(bad_answer)?;
                init.set_body(&Uint8Array::from(data.as_slice()));
            }
        }
        init.set_headers(&headers);
        let abort = web_sys::AbortController::new().ok();
        if let Some(abort) = &abort {
            init.set_signal(Some(&abort.signal()));
        }
        let timer = abort.clone().and_then(|abort| {
            leptos::prelude::set_timeout_with_handle(
                move || abort.abort(),
                std::time::Duration::from_millis(TIME_LIMIT_MILLIS as u64),
            )
            .ok()
        });
        let url = format!("{}/api/v1{path}", self.server);
        let window = web_sys::window().ok_or_else(unreachable)?;
        let answer = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await;
        if let Some(timer) = timer {
            timer.clear();
        }
        let response: web_sys::Response = answer.map_err(|_| unreachable())?.dyn_into().map_err(bad_answer)?;
        let status = response.status();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let message = error_message(&response).await;
        Err(match status {
            401 => ApiError::Unauthorized(message),
            429 => ApiError::RateLimited {
                retry_after_secs: response
                    .headers()
                    .get("retry-after")
                    .ok()
                    .flatten()
                    .and_then(|text| text.trim().parse().ok())
                    .unwrap_or(60),
                message,
            },
            _ => ApiError::Refused { status, message },
        })
    }
}

fn bad_answer(err: JsValue) -> ApiError {
    ApiError::BadAnswer(err.as_string().unwrap_or_else(|| format!("{err:?}")))
}

async fn text(response: &web_sys::Response) -> Result<String, ApiError> {
    let promise = response.text().map_err(bad_answer)?;
    let value = JsFuture::from(promise).await.map_err(bad_answer)?;
    Ok(value.as_string().unwrap_or_default())
}

async fn json<T: DeserializeOwned>(response: web_sys::Response) -> Result<T, ApiError> {
    let body = text(&response).await?;
    serde_json::from_str(&body).map_err(|err| ApiError::BadAnswer(err.to_string()))
}

/// The server's `{"error": ...}` text, or the status line when the body has none (a proxy's
/// HTML error page, say).
async fn error_message(response: &web_sys::Response) -> String {
    #[derive(Deserialize)]
    struct ErrorBody {
        error: String,
    }
    let body = text(response).await.unwrap_or_default();
    serde_json::from_str::<ErrorBody>(&body)
        .map(|e| e.error)
        .unwrap_or_else(|_| format!("HTTP {} {}", response.status(), response.status_text()))
}
