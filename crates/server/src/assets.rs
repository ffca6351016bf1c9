//! Serving the built app: the files trunk wrote to `dist/`, compiled into release binaries.
//!
//! Caching follows what makes an offline PWA update safely: `index.html` and the service
//! worker are revalidated on every load (`no-cache`), files with a content hash in their name
//! never change and are cached for a year, and everything else is revalidated by ETag.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

/// The built app. Release builds embed the folder; debug builds read it from disk on each
/// request, so `cargo xtask` can rebuild the app without rebuilding the server.
#[derive(RustEmbed)]
#[folder = "../../dist/"]
#[allow_missing = true]
struct BuiltApp;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";

/// Answers every request outside `/api/`: a file of the built app, or `index.html` for the
/// app's own routes (`/calculators`, ...) so that a reload on any screen works.
pub async fn serve_app(uri: Uri, request_headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    if let Some(file) = BuiltApp::get(path) {
        return respond(path, file, &request_headers);
    }
    if !is_app_route(path) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    match BuiltApp::get("index.html") {
        Some(file) => respond("index.html", file, &request_headers),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The Benchmate app has not been built into this server. Build it with `cargo xtask run`.",
        )
            .into_response(),
    }
}

fn respond(path: &str, file: rust_embed::EmbeddedFile, request_headers: &HeaderMap) -> Response {
    let etag = format!("\"{}\"", hex(&file.metadata.sha256_hash()[..16]));
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control(path)));
    headers.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("hex is a valid header"),
    );
    if let Ok(mime) = HeaderValue::from_str(file.metadata.mimetype()) {
        headers.insert(header::CONTENT_TYPE, mime);
    }
    if path.ends_with(".html") {
        let policy = content_security_policy(&String::from_utf8_lossy(&file.data));
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&policy).expect("policy is ASCII"),
        );
    }
    if request_headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    (headers, Body::from(file.data.into_owned())).into_response()
}

/// The `Cache-Control` for a file of the built app.
pub fn cache_control(path: &str) -> &'static str {
    if has_content_hash(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// Trunk names hashed files `name-<16 hex digits>.ext` or `name-<16 hex>_bg.wasm`.
fn has_content_hash(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.split('.').next().unwrap_or(file).trim_end_matches("_bg");
    match stem.rsplit_once('-') {
        Some((_, hash)) => hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// A path without a file extension is one of the app's routes, handled by the app itself.
fn is_app_route(path: &str) -> bool {
    !path.rsplit('/').next().unwrap_or(path).contains('.')
}

/// The policy the app runs under: only its own scripts (trunk's inline loader is allowed by
/// its hash, computed from the page actually served), wasm compilation, and no framing.
pub fn content_security_policy(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (open_tag, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!open_tag.contains("src=") && !body.trim().is_empty()).then_some(body)
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cache(path: &str, expect: &str) {
        assert_eq!(cache_control(path), expect, "Cache-Control for {path}");
    }

    #[test]
    fn hashed_files_are_immutable_and_the_rest_revalidates() {
        check_cache("index.html", REVALIDATE);
        check_cache("sw.js", REVALIDATE);
        check_cache("manifest.webmanifest", REVALIDATE);
        check_cache("icons/icon-192.png", REVALIDATE);
        check_cache("benchmate-app-3f2a9c0d11e4b5a6_bg.wasm", IMMUTABLE);
        check_cache("benchmate-app-3f2a9c0d11e4b5a6.js", IMMUTABLE);
        check_cache("style-0123456789abcdef.css", IMMUTABLE);
        check_cache("style-0123456789abcdeg.css", REVALIDATE);
        check_cache("well-known.css", REVALIDATE);
    }

    #[test]
    fn app_routes_are_paths_without_an_extension() {
        assert!(is_app_route("calculators"));
        assert!(is_app_route("reagents/lots"));
        assert!(!is_app_route("favicon.ico"));
        assert!(!is_app_route("nested/missing.js"));
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_scripts_served() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script>"#;
        let policy = content_security_policy(html);
        // echo -n 'init()' | openssl dgst -sha256 -binary | base64
        assert!(
            policy.contains("'sha256-w4ujnOpjBoH2vcasx+reJRUwYivG8Q3afx/XevGJod8='"),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 1, "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"));
    }
}
