//! Who is asking: passwords (Argon2id), session tokens (random, stored as SHA-256), the
//! request extractor that turns a bearer token into a signed-in user, and the sign-in limiter.

pub mod credentials;
pub mod login_limit;
pub mod session;

pub use session::SignedIn;

/// The current time in Unix milliseconds: the server's clock, used for session expiry,
/// the login limiter and the far-future check of version stamps.
pub fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
}
